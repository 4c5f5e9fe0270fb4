package dev.pinscope.model.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.SaveResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ScenarioFactory;

/** A failed save leaves the previous file byte-for-byte intact and says why. */
class SaveTest {

    @TempDir
    Path dir;

    @Test
    void saveThenLoadGivesAnEqualScenarioAndLeavesNoTempFile() throws IOException {
        Scenario s = Fixtures.valid();
        Path f = dir.resolve("s.pinscope");
        SaveResult r = Scenarios.save(s, f);
        assertTrue(r.ok(), r::message);
        LoadResult back = Scenarios.load(f);
        assertTrue(back.ok(), back::firstProblem);
        assertTrue(EcoreUtil.equals(s, back.scenario()));
        assertFalse(Files.exists(Scenarios.tempFileFor(f)));
        assertEquals(List.of("s.pinscope"), names(dir), "no temporary file left");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), "a new file is not 0600");
        String text = Files.readString(f);
        assertTrue(text.contains("formatVersion=\"1\""), "the file states its format version");
        assertTrue(text.contains("recheckUnderLock=\"true\""), "the file states the kernel configuration");
        // saving does not move the scenario into a resource of ours
        assertEquals(null, s.eResource());
    }

    @Test
    void readOnlyFolderLeavesTheOldFileIntact() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("ro"));
        Path f = sub.resolve("s.pinscope");
        Scenario s = Fixtures.valid();
        assertTrue(Scenarios.save(s, f).ok());
        byte[] before = Files.readAllBytes(f);
        s.setName("changed");
        boolean immutable = false;
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (canCreateFileIn(sub)) {
                // Running as root: permissions do not stop writes; an immutable folder (chattr +i) does.
                Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
                immutable = chattr("+i", sub);
                Assumptions.assumeTrue(immutable, "root, and chattr +i is not available on this file system");
            }
            SaveResult r = Scenarios.save(s, f);
            assertFalse(r.ok());
            assertTrue(r.message().contains("the previous file is unchanged"), r.message());
            assertTrue(r.message().contains(f.toString()), r.message());
            assertArrayEquals(before, Files.readAllBytes(f));
        } finally {
            if (immutable) {
                chattr("-i", sub);
            }
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void unserialisableScenarioLeavesTheOldFileIntact() throws IOException {
        Path f = dir.resolve("s.pinscope");
        Scenario s = Fixtures.valid();
        assertTrue(Scenarios.save(s, f).ok());
        byte[] before = Files.readAllBytes(f);
        // a VMA pointing at a BAR that belongs to no model cannot be written (dangling href);
        // streaming straight into the target would already have truncated it
        Bar stray = ScenarioFactory.eINSTANCE.createBar();
        s.getAddressSpace().getVmas().get(0).setBar(stray);
        SaveResult r = Scenarios.save(s, f);
        assertFalse(r.ok());
        assertTrue(r.message().contains("cannot be written"), r.message());
        assertArrayEquals(before, Files.readAllBytes(f));
    }

    @Test
    void missingFolderIsReportedNotThrown() {
        SaveResult r = Scenarios.save(Fixtures.valid(), dir.resolve("no/such/folder/s.pinscope"));
        assertFalse(r.ok());
        assertTrue(r.message().contains("the previous file is unchanged"), r.message());
    }

    @Test
    void savingAgainReplacesTheFileAndKeepsItsPermissions() throws IOException {
        Path f = dir.resolve("s.pinscope");
        Scenario s = Fixtures.valid();
        assertTrue(Scenarios.save(s, f).ok());
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        s.setName("second");
        assertTrue(Scenarios.save(s, f).ok());
        assertEquals("second", Scenarios.load(f).scenario().getName());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void savingThroughASymlinkWritesItsTargetAndKeepsTheLink() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("s.pinscope");
        Scenario s = Fixtures.valid();
        assertTrue(Scenarios.save(s, real).ok());
        Path link = Files.createSymbolicLink(dir.resolve("link.pinscope"), Path.of("real/s.pinscope")); // relative
        Path chain = Files.createSymbolicLink(dir.resolve("chain.pinscope"), link);
        s.setName("through the link");
        SaveResult r = Scenarios.save(s, chain);
        assertTrue(r.ok(), r::message);
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(chain), "the links are still links");
        assertEquals("through the link", Scenarios.load(real).scenario().getName(), "the real file has the new text");
        assertEquals(List.of("s.pinscope"), names(real.getParent()), "the temporary file was beside the target");
        // a link to a file that does not exist yet creates it
        Path dangling = Files.createSymbolicLink(dir.resolve("new.pinscope"), Path.of("real/new.pinscope"));
        assertTrue(Scenarios.save(s, dangling).ok());
        assertTrue(Files.isRegularFile(real.resolveSibling("new.pinscope")) && Files.isSymbolicLink(dangling));
    }

    @Test
    void aStaleTemporaryFileOrFolderDoesNotBlockSaving() throws IOException {
        Path f = dir.resolve("s.pinscope");
        Scenario s = Fixtures.valid();
        // a crashed save of an older version left its fixed-name temporary file; another left a folder of that name
        Path legacy = Scenarios.tempFileFor(f);
        Files.writeString(legacy, "half a scenario");
        assertTrue(Scenarios.save(s, f).ok());
        assertFalse(Files.exists(legacy), "the stale temporary file is removed");
        Files.createDirectories(legacy.resolve("occupied"));
        s.setName("saved anyway");
        SaveResult r = Scenarios.save(s, f);
        assertTrue(r.ok(), r::message);
        assertEquals("saved anyway", Scenarios.load(f).scenario().getName());
        // a unique temporary file left by a crash an hour ago is cleaned up; a fresh one (a save running now) is not
        Path old = dir.resolve(".s.pinscope.123.saving");
        Path fresh = dir.resolve(".s.pinscope.456.saving");
        Files.writeString(old, "x");
        Files.writeString(fresh, "y");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(7200)));
        assertTrue(Scenarios.save(s, f).ok());
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh));
    }

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("occupied") && !n.equals(".s.pinscope.saving")
                    && !n.equals("real") && !n.endsWith("link.pinscope") && !n.equals("chain.pinscope")).sorted().toList();
        }
    }

    private static boolean chattr(String flag, Path p) {
        try {
            Process pr = new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start();
            pr.getInputStream().readAllBytes();
            return pr.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean canCreateFileIn(Path folder) {
        try {
            Path probe = Files.createTempFile(folder, "probe", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
