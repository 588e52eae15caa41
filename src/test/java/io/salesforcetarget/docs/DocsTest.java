package io.salesforcetarget.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The project's Markdown documents: the README stays a front page, every link between documents resolves (file and
 * heading), every document in docs/ can be reached from the README, and none points outside the repository, which
 * users do not have.
 */
class DocsTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern FENCED_CODE = Pattern.compile("(?ms)^```.*?^```");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} +(.+?) *$");

    @Test
    void theReadmeIsAFrontPage() throws IOException {
        assertThat(Files.readAllLines(README)).hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void everyRelativeLinkResolvesToAFileAndHeadingOfTheRepository() {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            for (String target : links(doc)) {
                if (isExternal(target)) {
                    continue;
                }
                String problem = problem(doc, target);
                if (problem != null) {
                    broken.add(doc + ": (" + target + ") " + problem);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyDocumentInDocsIsReachableFromTheReadme() throws IOException {
        Set<Path> reached = new HashSet<>();
        Deque<Path> next = new ArrayDeque<>(List.of(README.toAbsolutePath().normalize()));
        while (!next.isEmpty()) {
            Path doc = next.pop();
            if (!reached.add(doc) || !Files.isRegularFile(doc) || !doc.toString().endsWith(".md")) {
                continue;
            }
            for (String target : links(doc)) {
                if (!isExternal(target) && !target.startsWith("#")) {
                    next.push(doc.resolveSibling(withoutAnchor(target)).normalize());
                }
            }
        }
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            assertThat(docs.filter(p -> p.toString().endsWith(".md")).map(p -> p.toAbsolutePath().normalize()))
                    .allSatisfy(doc -> assertThat(reached).contains(doc));
        }
    }

    @Test
    void noDocumentPointsOutsideTheRepository() {
        for (Path doc : documents()) {
            assertThat(read(doc)).as(doc.toString()).doesNotContain("shared/reference", "/work/");
        }
    }

    /** What is wrong with a relative link from {@code doc}, or null when it resolves. */
    private static String problem(Path doc, String target) {
        String file = withoutAnchor(target);
        String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
        Path resolved = file.isEmpty() ? doc : doc.resolveSibling(file).normalize();
        if (!resolved.toAbsolutePath().normalize().startsWith(Path.of("").toAbsolutePath())) {
            return "leaves the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && !anchors(resolved).contains(anchor)) {
            return "no such heading in " + resolved;
        }
        return null;
    }

    private static List<Path> documents() {
        try (Stream<Path> files = Files.walk(Path.of(""))) {
            return files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !p.startsWith("target") && !p.startsWith(".git") && !p.startsWith("bench/results"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Link targets outside code blocks and code spans. */
    private static List<String> links(Path doc) {
        String prose = INLINE_CODE.matcher(FENCED_CODE.matcher(read(doc)).replaceAll("")).replaceAll("");
        List<String> targets = new ArrayList<>();
        Matcher m = LINK.matcher(prose);
        while (m.find()) {
            targets.add(m.group(1));
        }
        return targets;
    }

    /** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path doc) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = HEADING.matcher(FENCED_CODE.matcher(read(doc)).replaceAll(""));
        while (m.find()) {
            String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum);
            anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        return anchors;
    }

    private static boolean isExternal(String target) {
        return target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    }

    private static String withoutAnchor(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }

    private static String read(Path doc) {
        try {
            return Files.readString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
