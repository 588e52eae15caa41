package bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The command line after the command: {@code --name value} pairs. */
final class Config {
    private final Map<String, String> options = new HashMap<>();

    private Config(Map<String, String> options) {
        this.options.putAll(options);
    }

    /** These options and those of {@code file}, one {@code name value} per line (its own win). */
    Config with(Path file) throws IOException {
        Config more = new Config(options);
        for (String line : Files.readAllLines(file)) {
            String[] option = line.strip().split(" ", 2);
            if (option.length == 2) {
                more.options.put(option[0], option[1]);
            }
        }
        return more;
    }

    Config(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
    }

    String get(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    long number(String name, long fallback) {
        return Long.parseLong(get(name, Long.toString(fallback)));
    }

    double decimal(String name, double fallback) {
        return Double.parseDouble(get(name, Double.toString(fallback)));
    }

    /** {@code --mix default|writes}. */
    Mix mix() {
        return Mix.named(get("mix", "default"));
    }
}
