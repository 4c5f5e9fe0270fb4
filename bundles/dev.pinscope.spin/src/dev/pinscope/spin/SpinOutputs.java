package dev.pinscope.spin;

import dev.pinscope.engine.spec.Errno;
import dev.pinscope.engine.spec.Policy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads what {@code member.sh} left in a run directory — pan's outputs and {@code spin -t} replays — into a
 * {@link SpinReport}, and merges the members of a swarm (union of what any member found). meta.txt names the
 * actors, the pinners and the policy, so a directory filled on other machines merges without the scenario file.
 */
public final class SpinOutputs {
    private static final Pattern STEP = Pattern.compile("^\\s*@(\\d+)\\s*$");
    private static final Pattern CODE = Pattern.compile("^\\s*CODE (\\d+)\\s*$");
    private static final Pattern STORED = Pattern.compile("(\\d+) states, stored");
    private static final Pattern TRANS = Pattern.compile("(\\d+) transitions");
    private static final Pattern ELAPSED = Pattern.compile("pan: elapsed time ([0-9.eE+-]+) seconds");
    private static final Pattern HASH = Pattern.compile("hash factor: (\\S+)");
    private static final Pattern COVER = Pattern.compile("expected coverage: ([^)]*)\\)");
    private static final Errno[] CODES = {Errno.OK, Errno.EINVAL, Errno.EAGAIN, Errno.EBUSY, Errno.EFAULT, Errno.EINTR,
        Errno.ENOMEM, Errno.OK};

    private SpinOutputs() {
    }

    /** The run's static facts, written next to the model. */
    record Meta(Policy policy, SpinMode mode, List<String> actors, List<Integer> pinners, List<Long> pages) {
        String text() {
            StringBuilder b = new StringBuilder();
            b.append("policy ").append(policy).append('\n').append("mode ").append(mode).append('\n');
            for (String a : actors) {
                b.append("actor ").append(a).append('\n');
            }
            for (int i = 0; i < pinners.size(); i++) {
                b.append("pinner ").append(pinners.get(i)).append(' ').append(pages.get(i)).append('\n');
            }
            return b.toString();
        }

        static Meta read(Path dir) throws IOException {
            Path f = dir.resolve("meta.txt");
            if (!Files.isRegularFile(f)) {
                throw new IOException(dir + ": not a Pinscope SPIN run directory (no meta.txt)");
            }
            Policy pol = null;
            SpinMode mode = SpinMode.EXHAUSTIVE;
            List<String> actors = new ArrayList<>();
            List<Integer> pinners = new ArrayList<>();
            List<Long> pages = new ArrayList<>();
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String[] w = l.split(" ", 2);
                if (w.length < 2) {
                    continue;
                }
                try {
                    switch (w[0]) {
                        case "policy" -> pol = Policy.valueOf(w[1].trim());
                        case "mode" -> mode = SpinMode.valueOf(w[1].trim());
                        case "actor" -> actors.add(w[1]);
                        case "pinner" -> {
                            String[] x = w[1].trim().split(" ");
                            pinners.add(Integer.parseInt(x[0]));
                            pages.add(Long.parseLong(x[1]));
                        }
                        default -> {
                        }
                    }
                } catch (RuntimeException e) {
                    throw new IOException(f + ": bad line '" + l + "'");
                }
            }
            if (pol == null) {
                throw new IOException(f + ": no policy line");
            }
            return new Meta(pol, mode, actors, pinners, pages);
        }
    }

    /** Reads every member of dir/out and merges them. */
    public static SpinReport read(Path dir) throws IOException {
        Meta meta = Meta.read(dir);
        Path out = dir.resolve("out");
        List<Path> members = new ArrayList<>();
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                s.filter(p -> p.getFileName().toString().startsWith("member-")).sorted().forEach(members::add);
            }
        }
        if (members.isEmpty()) {
            throw new IOException(dir + ": no member outputs under out/ (run member.sh or swarm.sh first)");
        }
        List<SpinReport> rs = new ArrayList<>();
        for (Path m : members) {
            rs.add(member(meta, m));
        }
        return merge(meta, rs);
    }

    static SpinReport member(Meta meta, Path m) throws IOException {
        String problem = null;
        String build = text(m.resolve("build.out"));
        if (build.contains("BUILD FAILED") || !Files.isRegularFile(m.resolve("safety-0.out"))) {
            return failed(meta, "pan could not be built: " + firstErrorLine(build));
        }
        Map<String, SpinReport.Result> results = new LinkedHashMap<>();
        List<SpinReport.Witness> violations = new ArrayList<>();
        List<SpinReport.Witness> deadlocks = new ArrayList<>();
        List<SpinReport.Lasso> livelocks = new ArrayList<>();
        long states = 0;
        long transitions = 0;
        double secs = 0;
        String hash = null;
        String cover = null;
        int last = -1;
        for (int i = 0; Files.isRegularFile(m.resolve("safety-" + i + ".out")); i++) {
            last = i;
            String s = text(m.resolve("safety-" + i + ".out"));
            secs += number(ELAPSED, s);
            String tr = text(m.resolve("trail-" + i + ".out"));
            if (s.matches("(?s).*pan:\\d+: invalid end state.*")) {
                deadlocks.add(new SpinReport.Witness(null, "no actor can move but some have not finished (pan: invalid"
                        + " end state)", steps(meta, tr, null)));
            } else if (s.matches("(?s).*pan:\\d+: assertion violated.*")) {
                Matcher cm = lastMatch(CODE, tr);
                if (cm == null) {
                    problem = problem == null ? "a pan error without a result (see " + m.resolve("trail-" + i + ".out")
                            + ")" : problem;
                    continue;
                }
                int bit = Integer.parseInt(cm.group(1));
                int ord = bit / 8;
                int code = bit % 8;
                if (ord >= meta.pinners.size()) {
                    continue;
                }
                String actor = meta.actors.get(meta.pinners.get(ord));
                Errno e = CODES[code];
                List<String> w = steps(meta, tr, null);
                results.putIfAbsent(actor + " " + e, new SpinReport.Result(actor, e,
                        e == Errno.OK ? meta.pages.get(ord) : 0, w));
                if (code == 7) {
                    violations.add(new SpinReport.Witness(actor, "stale PFN: MAP_DMA succeeded with a PFN read from "
                            + "an entry that had been zapped (§10 #10)", w));
                }
            }
        }
        if (last >= 0) {
            String s = text(m.resolve("safety-" + last + ".out"));
            states = (long) number(STORED, s);
            transitions = (long) number(TRANS, s);
            Matcher hm = HASH.matcher(s);
            hash = hm.find() ? hm.group(1) : null;
            Matcher vm = COVER.matcher(s);
            cover = vm.find() ? vm.group(1).trim() : coverage(hash);
            // a run that stopped at an error proves that error; only the last, clean run must have been complete
            problem = problem == null ? cut(s) : problem;
            if (!s.contains("errors: 0") && problem == null) {
                problem = "the result collection did not finish (see " + m.resolve("safety-" + last + ".out") + ")";
            }
        }
        for (int j = 0; j < meta.pinners.size(); j++) {
            Path a = m.resolve("accept-" + j + ".out");
            if (!Files.isRegularFile(a)) {
                problem = problem == null ? "the acceptance-cycle search did not run" : problem;
                continue;
            }
            String s = text(a);
            secs += number(ELAPSED, s);
            boolean cycle = s.matches("(?s).*pan:\\d+: acceptance cycle.*");
            problem = problem == null && !cycle ? cut(s) : problem;
            if (cycle) {
                List<String> loop = new ArrayList<>();
                List<String> stem = steps(meta, text(m.resolve("accept-trail-" + j + ".out")), loop);
                livelocks.add(new SpinReport.Lasso(meta.actors.get(meta.pinners.get(j)), stem, loop));
            }
        }
        double compile = 0;
        for (String l : text(m.resolve("times.out")).split("\n")) {
            String[] w = l.trim().split(" ");
            if (w.length == 3 && w[0].equals("compile")) {
                try {
                    compile = Double.parseDouble(w[2]) - Double.parseDouble(w[1]);
                } catch (NumberFormatException e) {
                    // date without %N: no compile figure
                }
            }
        }
        return new SpinReport(meta.policy, meta.mode, problem == null && !meta.mode.approximate(),
                meta.mode.approximate(), problem, states, transitions, secs, compile, hash, cover,
                List.copyOf(results.values()), violations, livelocks, deadlocks);
    }

    private static SpinReport failed(Meta meta, String why) {
        return new SpinReport(meta.policy, meta.mode, false, meta.mode.approximate(), why, 0, 0, 0, 0, null, null,
                List.of(), List.of(), List.of(), List.of());
    }

    /** Swarm: the union of what the members found; the slowest member's time (they run in parallel). */
    static SpinReport merge(Meta meta, List<SpinReport> rs) {
        if (rs.size() == 1) {
            return rs.get(0);
        }
        Map<String, SpinReport.Result> results = new LinkedHashMap<>();
        Map<String, SpinReport.Witness> viol = new LinkedHashMap<>();
        Map<String, SpinReport.Lasso> live = new LinkedHashMap<>();
        List<SpinReport.Witness> dead = new ArrayList<>();
        long states = 0;
        long trans = 0;
        double secs = 0;
        double compile = 0;
        String problem = null;
        for (SpinReport r : rs) {
            r.results().forEach(x -> results.putIfAbsent(x.actor() + " " + x.result(), x));
            r.violations().forEach(x -> viol.putIfAbsent(x.actor(), x));
            r.livelocks().forEach(x -> live.putIfAbsent(x.actor(), x));
            if (dead.isEmpty()) {
                dead.addAll(r.deadlocks());
            }
            states = Math.max(states, r.states());
            trans = Math.max(trans, r.transitions());
            secs = Math.max(secs, r.panSeconds());
            compile = Math.max(compile, r.compileSeconds());
            problem = problem == null ? r.problem() : problem;
        }
        return new SpinReport(meta.policy, meta.mode, problem == null && !meta.mode.approximate(),
                meta.mode.approximate(), problem, states, trans, secs, compile, rs.get(0).hashFactor(),
                rs.size() + " members" + (rs.get(0).coverage() == null ? "" : "; member 0: " + rs.get(0).coverage()),
                List.copyOf(results.values()), List.copyOf(viol.values()), List.copyOf(live.values()), dead);
    }

    /** The schedule a replay printed (@actor per step); with loop != null, the steps after the cycle start go there. */
    static List<String> steps(Meta meta, String replay, List<String> loop) {
        List<String> stem = new ArrayList<>();
        List<String> cur = stem;
        for (String l : replay.split("\n")) {
            if (l.contains("START OF CYCLE") && loop != null) {
                cur = loop;
                continue;
            }
            Matcher mm = STEP.matcher(l);
            if (mm.matches()) {
                int a = Integer.parseInt(mm.group(1));
                cur.add(a < meta.actors.size() ? meta.actors.get(a) : "#" + a);
            }
        }
        return stem;
    }

    /**
     * pan 6.5 prints the hash factor (bits of the hash array per stored state) but no coverage figure: estimate it
     * for -k3 as 1 - (1 - e^(-3/hf))^3, the chance that a new state's three bits are not all already set.
     */
    static String coverage(String hashFactor) {
        if (hashFactor == null) {
            return null;
        }
        try {
            double hf = Double.parseDouble(hashFactor);
            double miss = Math.pow(1 - Math.exp(-3 / hf), 3);
            return String.format(java.util.Locale.ROOT, "about %.5f%% of states (estimated from the hash factor, -k3)",
                    100 * (1 - miss));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A reason the search was cut short, from pan's output, or null. */
    private static String cut(String s) {
        if (s.contains("max search depth too small")) {
            return "depth bound reached (raise --spin-depth)";
        }
        if (s.contains("out of memory") || s.contains("reached -DMEMLIM")) {
            return "pan ran out of memory (try --spin-mode bitstate)";
        }
        if (s.isBlank()) {
            return "pan printed nothing";
        }
        return null;
    }

    private static Matcher lastMatch(Pattern p, String text) {
        Matcher found = null;
        for (String l : text.split("\n")) {
            Matcher m = p.matcher(l);
            if (m.matches()) {
                found = m;
            }
        }
        return found;
    }

    private static double number(Pattern p, String s) {
        Matcher m = p.matcher(s);
        double v = 0;
        while (m.find()) {
            try {
                v = Double.parseDouble(m.group(1));
            } catch (NumberFormatException e) {
                v = 0;
            }
        }
        return v;
    }

    private static String firstErrorLine(String build) {
        for (String l : build.split("\n")) {
            if (l.contains("rror")) {
                return l.trim();
            }
        }
        return build.isBlank() ? "no output" : build.split("\n")[0].trim();
    }

    static String text(Path p) throws IOException {
        return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}
