package dev.pinscope.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code /proc/PID/maps}, also the first line of each VMA in {@code /proc/PID/smaps}
 * (Documentation/filesystems/proc.rst: {@code address perms offset dev inode pathname}), as
 * {@code show_map_vma()} in fs/proc/task_mmu.c prints it.
 *
 * @param start  vm_start
 * @param end    vm_end (exclusive)
 * @param perms  four characters {@code r w x} and {@code s} (VM_MAYSHARE) or {@code p}, dashes for unset
 * @param offset vm_pgoff << PAGE_SHIFT, the file (or vfio region) offset of {@code start}
 * @param dev    major:minor in hex of the mapped file's device, {@code 00:00} for anonymous memory
 * @param inode  the mapped file's inode, 0 for none
 * @param path   the file, a pseudo path such as {@code [heap]} or {@code anon_inode:[vfio-device]},
 *               or "" for anonymous memory
 */
public record MapsLine(long start, long end, String perms, long offset, String dev, long inode, String path) {

    // 64-bit hex addresses; the path is everything after the inode and its padding, spaces included
    private static final Pattern LINE = Pattern.compile(
            "([0-9a-fA-F]{1,16})-([0-9a-fA-F]{1,16}) ([r-][w-][x-][sp]) ([0-9a-fA-F]{1,16}) ([0-9a-fA-F]{1,8}:[0-9a-fA-F]{1,8}) ([0-9]{1,20})(?: +(.*))?");

    /** The line parsed, or null when it is not a maps line. */
    public static MapsLine parse(String line) {
        Matcher m = LINE.matcher(line.stripTrailing());
        if (!m.matches()) {
            return null;
        }
        try {
            return new MapsLine(Long.parseUnsignedLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2), 16), m.group(3),
                    Long.parseUnsignedLong(m.group(4), 16), m.group(5), Long.parseUnsignedLong(m.group(6)),
                    m.group(7) == null ? "" : m.group(7));
        } catch (NumberFormatException e) {
            return null; // an inode past 2^64
        }
    }

    public boolean readable() {
        return perms.charAt(0) == 'r';
    }

    public boolean writable() {
        return perms.charAt(1) == 'w';
    }

    public boolean executable() {
        return perms.charAt(2) == 'x';
    }

    /** {@code s}: VM_MAYSHARE (a MAP_SHARED mapping; VM_SHARED only if it may also be written). */
    public boolean mayShare() {
        return perms.charAt(3) == 's';
    }

    public long size() {
        return end - start;
    }

    /** The line as the kernel prints it (padding of the path column aside). */
    @Override
    public String toString() {
        return String.format("%x-%x %s %08x %s %d%s", start, end, perms, offset, dev, inode, path.isEmpty() ? "" : " " + path);
    }
}
