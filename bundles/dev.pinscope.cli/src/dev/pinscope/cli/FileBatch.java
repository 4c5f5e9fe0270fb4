package dev.pinscope.cli;

import dev.pinscope.engine.report.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several scenario files in one call ({@code pinscope compare a.pinscope b.pinscope}, or a directory): each file is
 * checked as if alone, a file's bad input is its own one line on stderr and does not stop the others, then one
 * summary. The exit status is the worst file's (bad input, then refuted, then inconclusive, then OK); with
 * {@code --junit} one report holds one {@code <testsuite>} per file, with {@code --json} one document holds every
 * file's object.
 */
final class FileBatch {
    private final ScenarioCommand command;
    private final List<Path> paths;
    private final List<String> suites = new ArrayList<>();

    FileBatch(ScenarioCommand command, List<Path> paths) {
        this.command = command;
        this.paths = paths;
    }

    /** The files the arguments name: a directory stands for its {@code *.pinscope} files in name order. */
    static List<Path> expand(List<String> args) throws BadInput {
        List<Path> out = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (!Files.isDirectory(p)) {
                out.add(p); // a missing file is that file's own "no such file"
                continue;
            }
            List<Path> inDir = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(p, "*.pinscope")) {
                ds.forEach(f -> {
                    if (!Files.isDirectory(f)) {
                        inDir.add(f);
                    }
                });
            } catch (IOException e) {
                throw new BadInput(a + ": cannot list the directory: " + ScenarioCommand.oneLine(String.valueOf(e.getMessage())));
            }
            if (inDir.isEmpty()) {
                throw new BadInput(a + ": a folder with no .pinscope files in it; name a scenario file, or a folder of them");
            }
            inDir.sort(null);
            out.addAll(inDir);
        }
        return out;
    }

    /** Called by the command instead of writing its JUnit file. */
    void suite(String xml) {
        suites.add(xml);
    }

    int run() throws BadInput {
        boolean json = command.common.json;
        PrintStream stdout = command.out;
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        int worst = ExitCodes.OK;
        command.batch = this;
        try {
            for (Path p : paths) {
                command.file = p.toString();
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                if (json) {
                    command.out = new PrintStream(buf, true, StandardCharsets.UTF_8);
                } else {
                    stdout.println("== " + command.file);
                }
                int before = suites.size();
                int code;
                String error = null;
                try {
                    code = command.execute();
                } catch (BadInput e) {
                    code = ExitCodes.BAD_INPUT;
                    error = e.getMessage();
                    command.err.println("pinscope: " + error);
                } finally {
                    command.out = stdout;
                }
                if (suites.size() == before) {
                    // nothing checked (a load error, or validate): the file is one test case, in error unless it passed
                    suites.add(JunitXml.fileSuite(command.file, code == ExitCodes.OK ? null
                            : error != null ? error : "exit " + code + " (" + name(code) + ")"));
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", command.file);
                row.put("exit", code);
                row.put("error", error);
                rows.add(row);
                reports.add(buf.toString(StandardCharsets.UTF_8).strip());
                worst = worse(worst, code);
            }
        } finally {
            command.batch = null;
        }
        if (json) {
            stdout.println(jsonDocument(rows, reports, worst));
        } else {
            stdout.printf("Summary: %d files, exit %d (%s)%n", rows.size(), worst, name(worst));
            for (Map<String, Object> r : rows) {
                int code = (Integer) r.get("exit");
                stdout.printf("  %d  %-12s %s%n", code, name(code), r.get("file"));
            }
        }
        if (command.common.junit != null) {
            JunitXml.write(command.common.junit, JunitXml.suites(suites));
        }
        return worst;
    }

    /** Bad input outranks a refutation, which outranks an undecided file: the status says the worst there is. */
    static int worse(int a, int b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(int code) {
        return switch (code) {
            case ExitCodes.OK -> 0;
            case ExitCodes.INCONCLUSIVE -> 1;
            case ExitCodes.REFUTED -> 2;
            default -> 3;
        };
    }

    static String name(int code) {
        return switch (code) {
            case ExitCodes.OK -> "ok";
            case ExitCodes.REFUTED -> "refuted";
            case ExitCodes.INCONCLUSIVE -> "inconclusive";
            default -> "bad input";
        };
    }

    /** {"mode": "files", "exit": worst, "files": [{"file", "exit", "error", "report": the one-file object}]}. */
    private String jsonDocument(List<Map<String, Object>> rows, List<String> reports, int worst) {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).put("report", reports.get(i).isEmpty() ? null : placeholder(i));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("mode", "files");
        doc.put("command", command.getClass().getSimpleName().replace("Command", "").toLowerCase(java.util.Locale.ROOT));
        doc.put("exit", worst);
        doc.put("files", rows);
        String text = Json.write(doc);
        for (int i = 0; i < rows.size(); i++) {
            // each file's object as the command printed it, spliced in whole (the writer has no raw values)
            text = text.replace(Json.write(placeholder(i)), reports.get(i).replace("\n", "\n      "));
        }
        return text;
    }

    private static String placeholder(int i) {
        return "@@pinscope-report-" + i + "@@";
    }
}
