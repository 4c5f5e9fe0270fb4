package dev.pinscope.launch;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Entry point of the self-contained packages (the jpackage launcher runs it with the bundled
 * runtime). It does what the {@code pinscope} start script does for the plain archive, because
 * the native launcher cannot run a script: answer {@code --version} without starting OSGi, run
 * the headless commands on the plain class path (the launcher configuration puts
 * {@code cli/pinscope-cli.jar} on it, so the class-data archive made when the package was built
 * holds their classes; the CLI as an Equinox application only if that jar is missing), and hand
 * everything else to the Equinox launcher, which opens the workbench.
 */
public final class Main {

    static final Set<String> CLI_COMMANDS = Set.of("run", "explore", "compare", "validate", "import", "export", "verify", "help",
            "generate-completion");
    static final String CLI_APPLICATION = "dev.pinscope.cli.app";
    /** The CLI explores deep state graphs recursively; give its thread the stack the script gives it. */
    static final long CLI_STACK = 8L << 20;

    /** Held so the level set on it is not lost when the logger would otherwise be collected. */
    private static final java.util.logging.Logger SPIFLY_LOG = java.util.logging.Logger.getLogger("org.apache.aries.spifly");

    private Main() {
    }

    public static void main(String[] args) throws Throwable {
        // The configuration, workspace and user areas are "@user.home/.pinscope/..."; Java takes
        // user.home from the password database, the start script and every GTK program use $HOME.
        String userHome = System.getenv("HOME");
        if (userHome != null && !userHome.isBlank() && Files.isDirectory(Path.of(userHome))) {
            System.setProperty("user.home", userHome);
        }
        Path home = installArea();
        if (args.length > 0 && (args[0].equals("--version") || args[0].equals("-version"))) {
            System.out.println(version(home.resolve("plugins")));
            return;
        }
        String training = System.getProperty(TRAIN_PROPERTY);
        if (training != null && onClassPath(CLI_MAIN)) {
            trainCli(training);
        }
        if (args.length > 0 && isCliCommand(args[0])) {
            if (onClassPath(CLI_MAIN)) {
                runCli(args);
                return;
            }
            // SPI Fly logs every provider it registers at INFO on stderr; the CLI promises one line there
            SPIFLY_LOG.setLevel(java.util.logging.Level.WARNING);
            List<String> cli = new ArrayList<>(List.of("-application", CLI_APPLICATION, "-data", "@none", "-nosplash"));
            cli.addAll(List.of(args));
            System.setProperty("eclipse.ignoreApp", "false");
            onCliStack("main", () -> equinox(cli.toArray(String[]::new)));
            return;
        }
        equinox(args);
    }

    /**
     * A known subcommand, or any other word that is not an option and not an existing file: a command, perhaps
     * a mistyped one, which the CLI answers with a one-line usage error instead of the workbench starting.
     */
    static boolean isCliCommand(String first) {
        if (CLI_COMMANDS.contains(first)) {
            return true;
        }
        return !first.isEmpty() && !first.startsWith("-") && !Files.exists(Path.of(first));
    }

    static final String CLI_MAIN = "dev.pinscope.cli.PinscopeCli";

    /** Whether the application class path has the class (Equinox's bundles are not on it, cli/ is). */
    static boolean onClassPath(String className) {
        return ClassLoader.getSystemClassLoader().getResource(className.replace('.', '/') + ".class") != null;
    }

    /** PinscopeCli.main on its own thread with the stack the script gives it; it exits with the command's code. */
    private static void runCli(String[] args) throws Throwable {
        Method main = Class.forName(CLI_MAIN).getMethod("main", String[].class);
        onCliStack("main", () -> main.invoke(null, (Object) args));
    }

    /** What {@link #onCliStack} runs: may throw anything, which the caller then gets. */
    @FunctionalInterface
    interface Body {
        void run() throws Throwable;
    }

    /**
     * Runs {@code body} on a thread of that name with {@link #CLI_STACK} and waits for it; whatever it throws is
     * thrown here, a reflective call's {@link InvocationTargetException} unwrapped to what the method threw.
     */
    static void onCliStack(String name, Body body) throws Throwable {
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                body.run();
            } catch (InvocationTargetException e) {
                failure[0] = e.getCause();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, name, CLI_STACK);
        thread.start();
        thread.join();
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /**
     * The packages' class-data training run sets this to a scenario file: the headless commands' classes are loaded
     * (validate and compare of that file, output discarded) before the workbench starts in the same JVM, so the
     * one archive the launcher maps holds both the CLI's classes and the workbench's.
     */
    static final String TRAIN_PROPERTY = "pinscope.cds.train";

    private static void trainCli(String scenario) throws Throwable {
        Class<?> cli = Class.forName(CLI_MAIN);
        java.io.PrintStream none = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        Object instance = cli.getConstructor(java.io.PrintStream.class, java.io.PrintStream.class).newInstance(none, none);
        Method run = cli.getMethod("run", String[].class);
        onCliStack("cds-training", () -> {
            for (String command : List.of("validate", "compare")) {
                Object code = run.invoke(instance, (Object) new String[] {command, scenario});
                if (!Integer.valueOf(0).equals(code)) {
                    throw new IllegalStateException("training: " + command + " " + scenario + " exited " + code);
                }
            }
        });
    }

    private static void equinox(String[] args) throws Throwable {
        Method main = Class.forName("org.eclipse.equinox.launcher.Main").getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The product folder: -Dosgi.install.area (set by the package's launcher configuration). */
    static Path installArea() {
        String area = System.getProperty("osgi.install.area");
        if (area == null || area.isBlank()) {
            System.err.println("pinscope: this installation is incomplete (osgi.install.area is not set)");
            System.exit(2);
        }
        return Path.of(area.startsWith("file:") ? area.substring("file:".length()) : area);
    }

    /** "Pinscope 0.1.0 (build 202611241400)" from the file name of the installed application bundle. */
    static String version(Path plugins) throws IOException {
        Optional<String> jar = Optional.empty();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(plugins, "dev.pinscope.app_*.jar")) {
            for (Path file : files) {
                jar = Optional.of(file.getFileName().toString());
            }
        }
        String v = jar.map(name -> name.substring("dev.pinscope.app_".length(), name.length() - ".jar".length()))
                .orElse("unknown");
        String[] parts = v.split("\\.", 4);
        if (parts.length < 3) {
            return "Pinscope " + v + " (build unknown)";
        }
        String build = parts.length == 4 ? parts[3] : "development";
        return "Pinscope " + parts[0] + "." + parts[1] + "." + parts[2] + " (build " + build + ")";
    }
}
