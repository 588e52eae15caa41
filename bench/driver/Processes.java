package bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and memory of processes and of the machine, from /proc. */
final class Processes {
    private final long clockTicks;

    Processes(long clockTicks) {
        this.clockTicks = clockTicks;
    }

    /** utime + stime of a process, in seconds (0 if the pid is unknown). */
    double cpuSeconds(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12 here
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) clockTicks;
        } catch (IOException e) {
            return 0;
        }
    }

    /** CPU seconds the whole machine spent busy (all processes, /proc/stat: all but idle and iowait). */
    double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / (double) clockTicks;
        } catch (IOException e) {
            return 0;
        }
    }

    double ownCpuSeconds() {
        return cpuSeconds(ProcessHandle.current().pid());
    }

    /** VmHWM (peak RSS) or VmRSS of a process, in MiB. */
    double memoryMiB(long pid, String field) {
        if (pid <= 0) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            // gone
        }
        return 0;
    }

    boolean alive(long pid) {
        return pid <= 0 || Files.exists(Path.of("/proc/" + pid));
    }
}
