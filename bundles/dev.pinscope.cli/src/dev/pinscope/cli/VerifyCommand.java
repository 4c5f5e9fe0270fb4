package dev.pinscope.cli;

import dev.pinscope.engine.ExploreOptions;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.report.Json;
import dev.pinscope.engine.report.ScheduleText;
import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import dev.pinscope.spin.SpinComparison;
import dev.pinscope.spin.SpinMode;
import dev.pinscope.spin.SpinOutputs;
import dev.pinscope.spin.SpinReport;
import dev.pinscope.spin.SpinVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pinscope verify --spin FILE [--policy P|all]}: the engine's verdict next to SPIN's, per policy, with a
 * column saying whether they agree (exit 1 when they do not); {@code pinscope verify --spin-merge DIR} reads a
 * swarm's outputs (filled by member.sh/swarm.sh on any machines) and prints SPIN's merged verdict.
 */
@Command(name = "verify", sortOptions = false,
        description = {"Second opinion: run SPIN on the scenario's Promela export and compare with the engine.",
            "Columns: results, livelock, stale-PFN violation, deadlock (engine/SPIN), states, seconds, agreement.",
            "Exit 0 they agree, 1 they disagree, 2 bad input or SPIN failed, 3 a cut search contradicts nothing.",
            "Needs spin and gcc (apt install spin gcc)."})
final class VerifyCommand extends ScenarioCommand {
    @Option(names = "--spin", description = "Verify FILE with SPIN and compare with the engine.")
    boolean spin;

    @Option(names = "--spin-merge", description = "FILE is a SPIN run directory (a swarm's): merge its members' outputs.")
    boolean merge;

    @Option(names = "--policy", paramLabel = "P|all", description = "Policy to check (default: all).")
    String policy;

    @Option(names = "--spin-mode", paramLabel = "MODE", description = "exhaustive (default), bitstate, multicore, swarm.")
    String mode = "exhaustive";

    @Option(names = "--spin-members", paramLabel = "N", converter = PositiveLong.class,
            description = "Swarm size (default 8).")
    Long members;

    @Option(names = "--spin-cores", paramLabel = "N", converter = PositiveLong.class,
            description = "Cores for multicore (-DNCORE) and for running swarm members in parallel.")
    Long cores;

    @Option(names = "--spin-depth", paramLabel = "N", converter = PositiveLong.class,
            description = "pan's depth bound -m (default 1000000).")
    Long depth;

    @Option(names = "--spin-hash-bits", paramLabel = "N", converter = PositiveLong.class,
            description = "pan's hash table -w (default 22; bitstate: bits of the hash array, use 27-32).")
    Long hashBits;

    @Option(names = "--spin-dir", paramLabel = "DIR",
            description = "Keep the run directories here (DIR/POLICY: model.pml, member.sh, swarm.sh, outputs).")
    String dir;

    @Mixin
    StateBudgetOption budget;

    VerifyCommand(PinscopeCli cli) {
        super(cli, FileCount.ONE);
    }

    @Override
    int execute() throws BadInput {
        if (merge == spin) {
            throw new BadInput("give exactly one of --spin FILE or --spin-merge DIR");
        }
        return merge ? merge() : verify();
    }

    private SpinVerifier.Options options() throws BadInput {
        SpinVerifier.Options o = SpinVerifier.Options.defaults();
        try {
            o = o.withMode(SpinMode.parse(mode));
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        if (members != null) {
            o = o.withMembers((int) Math.min(1024, members));
        }
        if (cores != null) {
            o = o.withCores((int) Math.min(256, cores));
        }
        if (depth != null) {
            o = o.withMaxDepth(depth);
        }
        if (hashBits != null) {
            if (hashBits < 10 || hashBits > 40) {
                throw new BadInput("--spin-hash-bits must be 10..40, not " + hashBits);
            }
            o = o.withHashBits(hashBits.intValue());
        }
        return o;
    }

    private int verify() throws BadInput {
        SpinVerifier.Options o = options();
        ScenarioSpec spec = load();
        String missing = SpinVerifier.missingTools();
        if (missing != null) {
            throw new BadInput(missing);
        }
        List<Policy> policies = policy == null || policy.equalsIgnoreCase("all") ? List.of(Policy.values())
                : List.of(policy(policy));
        ExploreOptions eo = budget.applyTo(ExploreOptions.defaults());
        Path base;
        try {
            base = dir != null ? Files.createDirectories(Path.of(dir)) : Files.createTempDirectory("pinscope-spin");
        } catch (IOException | RuntimeException e) {
            throw new BadInput("cannot create the SPIN run directory: " + oneLine(String.valueOf(e.getMessage())));
        }
        List<SpinComparison.Row> rows;
        long t0 = System.nanoTime();
        try {
            rows = SpinComparison.check(spec, policies, SimulationOptions.defaults(), eo, o, base, null,
                    s -> err.println("pinscope: " + s));
        } catch (SpinVerifier.SpinException e) {
            throw new BadInput(e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInput(file + ": " + oneLine(String.valueOf(e.getMessage())));
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (common.json) {
            out.println(Json.write(json(spec, o, rows, secs)));
        } else {
            print(spec, o, rows);
            if (dir != null) {
                out.println("SPIN run directories: " + base.resolve("POLICY") + " (model.pml, member.sh, swarm.sh)");
            }
        }
        if (common.junit != null) {
            junit(spec, rows);
        }
        if (dir == null) {
            deleteQuietly(base);
        }
        boolean disagree = rows.stream().anyMatch(r -> r.agreement() == SpinComparison.Agreement.DISAGREE);
        boolean failed = rows.stream().anyMatch(r -> r.agreement() == SpinComparison.Agreement.SPIN_FAILED);
        if (failed && !disagree) {
            err.println("pinscope: SPIN failed: " + rows.stream().map(SpinComparison.Row::problem)
                    .filter(java.util.Objects::nonNull).findFirst().orElse("no output"));
            return PinscopeCli.BAD_INPUT;
        }
        if (disagree) {
            return ExitCodes.REFUTED;
        }
        // a partial search on either side that contradicts nothing proves nothing either
        return rows.stream().allMatch(r -> r.agreement() == SpinComparison.Agreement.AGREE) ? ExitCodes.OK
                : ExitCodes.INCONCLUSIVE;
    }

    private int merge() throws BadInput {
        SpinReport r;
        try {
            r = SpinOutputs.read(Path.of(file));
        } catch (IOException e) {
            throw new BadInput(oneLine(String.valueOf(e.getMessage())));
        }
        if (common.json) {
            out.println(Json.write(spinJson(r)));
            return PinscopeCli.OK;
        }
        out.printf("SPIN %s, policy %s: %s%n", r.mode().name().toLowerCase(java.util.Locale.ROOT), r.policy(),
                r.approximate() ? "APPROXIMATE (bitstate: absent findings are not proven absent)"
                        : r.complete() ? "complete" : "partial: " + r.problem());
        Map<String, List<SpinReport.Result>> byActor = r.results().stream().collect(Collectors.groupingBy(
                SpinReport.Result::actor, LinkedHashMap::new, Collectors.toList()));
        byActor.forEach((a, l) -> out.printf("  %-10s results %s%n", a, l.stream().map(x -> name(x.result()))
                .toList()));
        r.livelocks().forEach(l -> out.printf("  LIVELOCK  %s: stem %s; loop %s%n", l.actor(),
                ScheduleText.runs(l.stem()), ScheduleText.runs(l.loop())));
        r.violations().forEach(v -> out.printf("  VIOLATION %s: %s; witness %s%n", v.actor(), v.description(),
                ScheduleText.runs(v.witness())));
        r.deadlocks().forEach(d -> out.printf("  DEADLOCK  %s%n", ScheduleText.runs(d.witness())));
        out.printf("  states %,d (largest member), pan %.2f s%s%n", r.states(), r.panSeconds(),
                r.hashFactor() == null ? "" : ", hash factor " + r.hashFactor() + ", coverage " + r.coverage());
        return PinscopeCli.OK;
    }

    // ------------------------------------------------------------------------------------------ output

    private void print(ScenarioSpec spec, SpinVerifier.Options o, List<SpinComparison.Row> rows) {
        out.printf("Scenario: %s%nSPIN: %s%s%n", spec.name(), o.mode().name().toLowerCase(java.util.Locale.ROOT),
                o.mode().approximate() ? " (APPROXIMATE: absent findings are not proven absent)" : "");
        out.printf("%-25s %-9s %-26s %-26s %-9s %-9s %-9s %19s %15s  %s%n", "Policy", "Pinner", "Engine results",
                "SPIN results", "Livelock", "Violation", "Deadlock", "States (E/S)", "Seconds (E/S)", "SPIN agrees");
        for (SpinComparison.Row r : rows) {
            out.printf("%-25s %-9s %-26s %-26s %-9s %-9s %-9s %19s %15s  %s%n", r.policy() + " (" + r.policy().letter()
                    + ")", r.actor(), set(r.engineResults()), set(r.spinResults()), yn(r.engineLivelock(),
                            r.spinLivelock()), yn(r.engineViolation(), r.spinViolation()), yn(r.engineDeadlock(),
                                    r.spinDeadlock()), r.engineStates() + "/" + r.spinStates(),
                    String.format("%.2f/%.2f", r.engineSeconds(), r.spinSeconds()), verdict(r));
        }
        for (SpinComparison.Row r : rows) {
            if (r.agreement() != SpinComparison.Agreement.DISAGREE) {
                continue;
            }
            out.printf("%nDISAGREEMENT %s %s: %s%n", r.policy(), r.actor(), r.difference());
            witnesses(r);
        }
    }

    /** Both sides' witnesses for what differs, as schedules the debugger replays. */
    private void witnesses(SpinComparison.Row r) {
        for (Errno e : r.spinResults()) {
            if (!r.engineResults().contains(e)) {
                r.spin().results().stream().filter(x -> x.actor().equals(r.actor()) && x.result() == e).findFirst()
                        .ifPresent(x -> out.printf("  SPIN only: %s, schedule %s%n", name(e), ScheduleText.runs(x
                                .witness())));
            }
        }
        for (Errno e : r.engineResults()) {
            if (!r.spinResults().contains(e)) {
                var en = r.engine().entry(r.actor(), e);
                out.printf("  engine only: %s, schedule %s%n", name(e), en == null ? "-" : ScheduleText.runs(en
                        .witness()));
            }
        }
        if (r.spinViolation() && !r.engineViolation()) {
            r.spin().violations().stream().filter(v -> v.actor().equals(r.actor())).findFirst().ifPresent(v -> out
                    .printf("  SPIN only: stale PFN, schedule %s%n", ScheduleText.runs(v.witness())));
        }
        if (r.engineViolation() && !r.spinViolation()) {
            r.engine().violations().stream().filter(v -> v.actor().equals(r.actor())).findFirst().ifPresent(v -> out
                    .printf("  engine only: stale PFN, schedule %s%n", ScheduleText.runs(v.witness())));
        }
        if (r.spinLivelock() && !r.engineLivelock()) {
            r.spin().livelocks().stream().filter(l -> l.actor().equals(r.actor())).findFirst().ifPresent(l -> out
                    .printf("  SPIN only: livelock, stem %s; loop %s%n", ScheduleText.runs(l.stem()),
                            ScheduleText.runs(l.loop())));
        }
        if (r.engineLivelock() && !r.spinLivelock()) {
            r.engine().livelocks().stream().filter(l -> l.actor().equals(r.actor())).findFirst().ifPresent(l -> out
                    .printf("  engine only: livelock, stem %s; loop %s%n", ScheduleText.runs(l.stem()),
                            ScheduleText.runs(l.loop())));
        }
    }

    static String verdict(SpinComparison.Row r) {
        return switch (r.agreement()) {
            case AGREE -> r.approximate() ? "yes (approximate)" : "yes";
            case DISAGREE -> "NO";
            case NO_CONTRADICTION -> "no contradiction (" + (r.approximate() ? "approximate" : "partial") + ")";
            case SPIN_FAILED -> "SPIN failed: " + r.problem();
        };
    }

    private static String yn(boolean e, boolean s) {
        return (e ? "yes" : "no") + "/" + (s ? "yes" : "no");
    }

    private static String set(Set<Errno> s) {
        return "{" + s.stream().map(VerifyCommand::name).collect(Collectors.joining(", ")) + "}";
    }

    private static String name(Errno e) {
        return e == Errno.OK ? "OK" : e.kernelName();
    }

    private Map<String, Object> json(ScenarioSpec spec, SpinVerifier.Options o, List<SpinComparison.Row> rows,
            double secs) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("scenario", spec.name());
        j.put("mode", "verify");
        j.put("spinMode", o.mode().name().toLowerCase(java.util.Locale.ROOT));
        j.put("agree", rows.stream().noneMatch(r -> r.agreement() == SpinComparison.Agreement.DISAGREE));
        j.put("seconds", secs);
        List<Object> rs = new ArrayList<>();
        for (SpinComparison.Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("policy", r.policy().name());
            m.put("actor", r.actor());
            m.put("agreement", r.agreement().name());
            m.put("difference", r.difference());
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("results", r.engineResults().stream().map(Errno::name).toList());
            e.put("livelock", r.engineLivelock());
            e.put("violation", r.engineViolation());
            e.put("deadlock", r.engineDeadlock());
            e.put("states", r.engineStates());
            e.put("seconds", r.engineSeconds());
            e.put("complete", r.engineComplete());
            m.put("engine", e);
            m.put("spin", spinJson(r.spin()));
            rs.add(m);
        }
        j.put("rows", rs);
        return j;
    }

    private static Map<String, Object> spinJson(SpinReport s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", s.policy().name());
        m.put("mode", s.mode().name().toLowerCase(java.util.Locale.ROOT));
        m.put("complete", s.complete());
        m.put("approximate", s.approximate());
        m.put("problem", s.problem());
        m.put("states", s.states());
        m.put("transitions", s.transitions());
        m.put("seconds", s.panSeconds());
        m.put("compileSeconds", s.compileSeconds());
        m.put("hashFactor", s.hashFactor());
        m.put("coverage", s.coverage());
        List<Object> res = new ArrayList<>();
        for (SpinReport.Result r : s.results()) {
            res.add(Map.of("actor", r.actor(), "result", r.result().name(), "pinnedPages", r.pinnedPages(), "witness",
                    r.witness()));
        }
        m.put("results", res);
        List<Object> v = new ArrayList<>();
        s.violations().forEach(x -> v.add(Map.of("actor", x.actor(), "kind", "stale PFN", "witness", x.witness())));
        m.put("violations", v);
        List<Object> l = new ArrayList<>();
        s.livelocks().forEach(x -> l.add(Map.of("actor", x.actor(), "stem", x.stem(), "loop", x.loop())));
        m.put("livelocks", l);
        List<Object> d = new ArrayList<>();
        s.deadlocks().forEach(x -> d.add(Map.of("description", x.description(), "witness", x.witness())));
        m.put("deadlocks", d);
        return m;
    }

    /** One testcase per policy and pinner: "SPIN agrees with the engine". Written atomically. */
    private void junit(ScenarioSpec spec, List<SpinComparison.Row> rows) throws BadInput {
        long failures = rows.stream().filter(r -> r.agreement() == SpinComparison.Agreement.DISAGREE).count();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite name=\"").append(xml("pinscope.spin." + spec.name())).append("\" tests=\"")
                .append(rows.size()).append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
        for (SpinComparison.Row r : rows) {
            sb.append("  <testcase classname=\"").append(xml(spec.name())).append("\" name=\"")
                    .append(xml(r.policy() + " " + r.actor() + " SPIN agrees")).append("\">");
            if (r.agreement() == SpinComparison.Agreement.DISAGREE) {
                sb.append("\n    <failure message=\"").append(xml(r.difference())).append("\"/>\n  ");
            }
            sb.append("</testcase>\n");
        }
        sb.append("</testsuite>\n");
        try {
            Path target = Path.of(common.junit);
            Path tmp = target.toAbsolutePath().resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            throw new BadInput("cannot write " + common.junit + ": " + oneLine(String.valueOf(e.getMessage())));
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void deleteQuietly(Path p) {
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException | RuntimeException e) {
            // a temporary directory left behind is harmless
        }
    }
}
