package dev.pinscope.model.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.eclipse.emf.ecore.util.EcoreUtil;
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
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (canCreateFileIn(sub)) {
                // Running as root: permissions do not stop writes. Make the temporary file impossible
                // to create instead (a folder occupies its name), which fails the same code path.
                Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.createDirectories(Scenarios.tempFileFor(f).resolve("occupied"));
            }
            SaveResult r = Scenarios.save(s, f);
            assertFalse(r.ok());
            assertTrue(r.message().contains("the previous file is unchanged"), r.message());
            assertTrue(r.message().contains(f.toString()), r.message());
            assertArrayEquals(before, Files.readAllBytes(f));
        } finally {
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
