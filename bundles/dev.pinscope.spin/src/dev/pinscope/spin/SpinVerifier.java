package dev.pinscope.spin;

import dev.pinscope.engine.spec.ActorSpec;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.engine.spec.ScenarioSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs SPIN on a scenario under one policy: writes the Promela export and the run scripts into a directory,
 * runs {@code member.sh} (once, or N times in parallel for a swarm) and reads the outputs back.
 *
 * <p>How the reachable result set is collected (sound and complete for an exhaustive search): the model is built
 * with {@code -DPINSCOPE_COLLECT}, where the pinner, after MAP_DMA returned, asserts that its result code is in the
 * mask given by the environment variable PINSCOPE_FOUND. Starting from the empty mask, each pan safety run either
 * ends with "errors: 0" — then no result outside the mask is reachable, because an exhaustive search (partial-order
 * reduction preserves assertion violations) reports every reachable assertion violation — or stops at a new result,
 * whose trail {@code spin -t} replays: the replay prints the result code and the schedule (one {@code @actor} per
 * step), which becomes the result's witness; the code joins the mask and pan runs again. So there are (results + 1)
 * safety runs from one compiled pan; invalid end states found on the way are deadlocks (then -E). The livelock is
 * pan's acceptance-cycle search with weak fairness ({@code -a -f}) over the accept label on the pinner's retry path.
 */
public final class SpinVerifier {

    /**
     * @param ccOpt    gcc optimisation (-O2 for real runs; tests may use -O0 to save compile time)
     * @param panCache null, or a directory of compiled pans by model text and flags, shared by runs (member.sh's
     *                 PINSCOPE_PAN_CACHE); with {@link PromelaExport.Options#policyAtRunTime()} one pan serves
     *                 every policy of a scenario
     */
    public record Options(SpinMode mode, int members, int cores, int hashBits, long maxDepth, String ccOpt,
            PromelaExport.Options export, Path panCache) {
        public Options(SpinMode mode, int members, int cores, int hashBits, long maxDepth, String ccOpt,
                PromelaExport.Options export) {
            this(mode, members, cores, hashBits, maxDepth, ccOpt, export, null);
        }

        public static Options defaults() {
            return new Options(SpinMode.EXHAUSTIVE, 8, Math.max(2, Runtime.getRuntime().availableProcessors()), 22,
                    1_000_000, "-O2", PromelaExport.Options.defaults(), null);
        }

        public Options withPanCache(Path dir) {
            return new Options(mode, members, cores, hashBits, maxDepth, ccOpt, export, dir);
        }

        public Options withMode(SpinMode m) {
            return new Options(m, members, cores, hashBits, maxDepth, ccOpt, export, panCache);
        }

        public Options withMembers(int n) {
            return new Options(mode, n, cores, hashBits, maxDepth, ccOpt, export, panCache);
        }

        public Options withCores(int n) {
            return new Options(mode, members, n, hashBits, maxDepth, ccOpt, export, panCache);
        }

        public Options withHashBits(int n) {
            return new Options(mode, members, cores, n, maxDepth, ccOpt, export, panCache);
        }

        public Options withMaxDepth(long n) {
            return new Options(mode, members, cores, hashBits, n, ccOpt, export, panCache);
        }

        public Options withCcOpt(String o) {
            return new Options(mode, members, cores, hashBits, maxDepth, o, export, panCache);
        }

        public Options withExport(PromelaExport.Options e) {
            return new Options(mode, members, cores, hashBits, maxDepth, ccOpt, e, panCache);
        }
    }

    /** A SPIN run that could not happen (tools missing, cancelled, no output). */
    public static final class SpinException extends Exception {
        public SpinException(String msg) {
            super(msg);
        }
    }

    private SpinVerifier() {
    }

    /** Null when spin and a C compiler are on the PATH, else how to install them. */
    public static String missingTools() {
        List<String> missing = new ArrayList<>();
        if (which(System.getenv().getOrDefault("SPIN", "spin")).isEmpty()) {
            missing.add("spin");
        }
        if (which(System.getenv().getOrDefault("CC", "gcc")).isEmpty()) {
            missing.add("gcc");
        }
        return missing.isEmpty() ? null : String.join(" and ", missing) + (missing.size() > 1 ? " are" : " is")
                + " not installed; install them with: apt install spin gcc";
    }

    static Optional<Path> which(String tool) {
        if (tool.contains("/")) {
            Path p = Path.of(tool);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        // pinscope.spin.path: where to look instead of PATH (a non-standard install; tests use an empty directory)
        String path = System.getProperty("pinscope.spin.path", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Writes the run directory (model.pml, member.sh, swarm.sh, meta.txt) without running anything. */
    public static PromelaExport.Model prepare(ScenarioSpec spec, Policy policy, Options o, Path dir)
            throws IOException {
        PromelaExport.Model m = PromelaExport.export(spec, policy, o.export());
        deleteTree(dir.resolve("out")); // a run directory holds one run: no stale member outputs to merge
        List<Long> pages = new ArrayList<>();
        for (int a : m.pinners()) {
            pages.add(((ActorSpec.Pinner) spec.actors().get(a)).size() >>> 12);
        }
        SpinScripts.Config c = new SpinScripts.Config(o.mode(), m.pinners().size(),
                o.mode() == SpinMode.SWARM ? o.members() : 1, o.cores(), o.hashBits(), o.maxDepth(), o.ccOpt(),
                o.export().policyAtRunTime() ? policy.ordinal() : -1);
        SpinScripts.write(dir, m.text(), c);
        SpinScripts.put(dir.resolve("meta.txt"),
                new SpinOutputs.Meta(policy, o.mode(), m.actors(), m.pinners(), pages).text());
        return m;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    /** Exports, runs and reads back; cancelled() is polled every 50 ms and kills the pan processes. */
    public static SpinReport verify(ScenarioSpec spec, Policy policy, Options o, Path dir, BooleanSupplier cancelled)
            throws IOException, SpinException {
        String missing = missingTools();
        if (missing != null) {
            throw new SpinException(missing);
        }
        if (spec.actors().stream().noneMatch(a -> a instanceof ActorSpec.Pinner)) {
            throw new SpinException("the scenario has no pinner: nothing for SPIN to check");
        }
        prepare(spec, policy, o, dir);
        int n = o.mode() == SpinMode.SWARM ? Math.max(1, o.members()) : 1;
        int parallel = Math.max(1, Math.min(n, o.cores()));
        List<Process> running = new ArrayList<>();
        int next = 0;
        try {
            while (next < n || !running.isEmpty()) {
                while (next < n && running.size() < parallel) {
                    ProcessBuilder pb = new ProcessBuilder("sh", "member.sh", Integer.toString(next)).directory(
                            dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("member-" + next
                                    + ".log").toFile());
                    which(System.getenv().getOrDefault("SPIN", "spin")).ifPresent(p -> pb.environment().put("SPIN",
                            p.toString()));
                    which(System.getenv().getOrDefault("CC", "gcc")).ifPresent(p -> pb.environment().put("CC",
                            p.toString()));
                    if (o.panCache() != null) {
                        pb.environment().put("PINSCOPE_PAN_CACHE", o.panCache().toAbsolutePath().toString());
                    }
                    running.add(pb.start());
                    next++;
                }
                if (cancelled != null && cancelled.getAsBoolean()) {
                    throw new SpinException("cancelled");
                }
                running.removeIf(p -> !p.isAlive());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SpinException("interrupted");
                }
            }
        } finally {
            for (Process p : running) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        return SpinOutputs.read(dir);
    }
}
