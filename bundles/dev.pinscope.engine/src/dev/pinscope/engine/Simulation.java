package dev.pinscope.engine;

import dev.pinscope.engine.internal.EmfAdapter;
import dev.pinscope.engine.internal.Explorer;
import dev.pinscope.engine.internal.Listings;
import dev.pinscope.engine.internal.Machine;
import dev.pinscope.engine.internal.Views;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled scenario under one policy: the entry point of the engine.
 *
 * <pre>
 * CompileResult r = Simulation.compile(scenario, SimulationOptions.defaults());
 * Simulation sim = r.orThrow();
 * Run run = sim.newRun();                       // interactive: run.runnableActors(), run.step(a), run.goTo(n)
 * RunResult rr = sim.run(Scheduler.roundRobin());
 * ExplorationReport rep = sim.explore(ExploreOptions.defaults(), monitor);
 * </pre>
 *
 * Immutable and thread-safe; every Run and exploration has its own state.
 */
public final class Simulation {
    private final ScenarioSpec spec;
    private final SimulationOptions options;
    private final Machine machine;
    private final Listing listing;
    private final Views views;

    private Simulation(ScenarioSpec spec, SimulationOptions options, Machine machine) {
        this.spec = spec;
        this.options = options;
        this.machine = machine;
        this.listing = Listings.of(machine.policy());
        this.views = new Views(machine, listing);
    }

    /**
     * Compiles the engine's own input (a spec built in code: tests, SpecBuilder, the SPIN comparison). The spec is
     * checked as the EMF scenario it stands for by the model's ScenarioValidator, where every scenario rule lives,
     * then against the engine's own limits. Problems with the input are returned, never thrown; an exception is an
     * engine bug (IllegalStateException naming it), which callers report as an internal error.
     */
    public static CompileResult compile(ScenarioSpec spec, SimulationOptions options) {
        return compile(spec, options, true);
    }

    /**
     * Compiles a spec without the model's scenario rules, only the engine's own limits: for the engine's tests of
     * kernel behaviour on inputs the scenario model refuses (a pinner over a hole in its range, a VM_IO VMA without
     * VM_PFNMAP). Nothing a user writes goes this way.
     */
    public static CompileResult compileOutsideTheModel(ScenarioSpec spec, SimulationOptions options) {
        return compile(spec, options, false);
    }

    private static CompileResult compile(ScenarioSpec spec, SimulationOptions options, boolean validate) {
        if (options == null) {
            options = SimulationOptions.defaults();
        }
        if (spec == null) {
            return new CompileResult(null, List.of("no scenario"));
        }
        Policy policy = options.policy() != null ? options.policy() : spec.policy() != null ? spec.policy()
                : Policy.PATCH_V1;
        int maxRetries = options.maxRetries() != null ? options.maxRetries() : spec.maxRetries();
        long maxSteps = options.maxSteps() != null ? options.maxSteps() : spec.maxSteps() > 0 ? spec.maxSteps()
                : 100_000;
        ScenarioSpec s = spec.policy() == policy && spec.maxRetries() == maxRetries ? spec
                : new ScenarioSpec(spec.name(), spec.description(), policy, maxRetries, spec.maxSteps(),
                        spec.kernel(), spec.vmas(), spec.entries(), spec.devices(), spec.actors(), spec.schedule(),
                        spec.expectations());
        List<String> errors = new ArrayList<>();
        try {
            // the scenario as written; a policy swept over by compare or explore is the engine's to take
            if (validate) {
                errors.addAll(EmfAdapter.validate(spec));
            }
            if (errors.isEmpty()) {
                errors.addAll(Machine.check(s, maxRetries));
            }
            if (!errors.isEmpty()) {
                return new CompileResult(null, errors);
            }
            Machine m = Machine.create(s, policy, maxRetries, maxSteps, options);
            return new CompileResult(new Simulation(s, options, m), List.of());
        } catch (RuntimeException e) {
            // the checks above accept only what the engine can compile: anything thrown past them is a bug of
            // the engine, not the user's input, and must not be reported as one
            throw new IllegalStateException("engine bug compiling '" + spec.name() + "': " + e, e);
        }
    }

    /**
     * Compiles an EMF scenario: the model's validator runs first, its errors and the engine's own limits are
     * returned as messages (never thrown). The policy is the scenario's unless options override it.
     */
    public static CompileResult compile(dev.pinscope.model.scenario.Scenario scenario, SimulationOptions options) {
        if (scenario == null) {
            return new CompileResult(null, List.of("no scenario"));
        }
        ScenarioSpec spec;
        try {
            List<String> errors = EmfAdapter.validate(scenario);
            if (!errors.isEmpty()) {
                return new CompileResult(null, errors);
            }
            spec = EmfAdapter.toSpec(scenario);
        } catch (RuntimeException e) {
            throw new IllegalStateException("engine bug adapting '" + scenario.getName() + "': " + e, e);
        }
        return compile(spec, options, false);
    }

    /** The same scenario under another policy. */
    public Simulation withPolicy(Policy p) {
        return compile(spec, options.withPolicy(p), false).orThrow();
    }

    public ScenarioSpec spec() {
        return spec;
    }

    public SimulationOptions options() {
        return options;
    }

    public Policy policy() {
        return machine.policy();
    }

    public Listing listing() {
        return listing;
    }

    public List<String> actorNames() {
        List<String> out = new ArrayList<>();
        for (int a = 0; a < machine.actorCount(); a++) {
            out.add(machine.actorName(a));
        }
        return out;
    }

    public int actorIndex(String name) {
        return spec.actorIndex(name);
    }

    /** Indices of the pinner actors. */
    public List<Integer> pinners() {
        List<Integer> out = new ArrayList<>();
        for (int a = 0; a < machine.actorCount(); a++) {
            if (machine.isPinner(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** A fresh run whose scheduler is round-robin. */
    public Run newRun() {
        return new Run(this, machine, views, null);
    }

    /** A fresh run that {@link Run#stepScheduled()} and Resume drive with {@code scheduler}. */
    public Run newRun(Scheduler scheduler) {
        return new Run(this, machine, views, scheduler);
    }

    /** A fresh run driven by the scheduler up to the scenario's maxSteps. */
    public RunResult run(Scheduler scheduler) {
        return newRun(scheduler).runWith(scheduler, machine.maxStepsBound());
    }

    /** The scenario's own schedule (then round-robin), as {@link Scheduler.Scripted}. */
    public Scheduler.Scripted scriptedSchedule() {
        return new Scheduler.Scripted(spec.schedule());
    }

    public long maxSteps() {
        return machine.maxStepsBound();
    }

    public ExplorationReport explore(ExploreOptions options, ExplorationMonitor monitor) {
        try {
            return new Explorer(machine, options == null ? ExploreOptions.defaults() : options, monitor).run();
        } catch (OutOfMemoryError full) {
            // the explorer reports a full heap as PARTIAL with what it found; this is for an error thrown past it
            // (seen: the JIT's deoptimization could not allocate), when the search's own data is already gone
            return new ExplorationReport(spec.name(), machine.policy(), false, "memory: the heap filled and the"
                    + " search's findings were lost with it (give Java more with -Xmx, or lower --max-states)", 0, 0,
                    0, 0, java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(),
                    java.util.List.of());
        }
    }

    public KernelSnapshot initialSnapshot() {
        return newRun().snapshot();
    }

    /** 64-bit words in a packed state, and how many bits of them are used. */
    public int stateWords() {
        return machine.words();
    }

    public int stateBits() {
        return machine.totalBits();
    }
}
