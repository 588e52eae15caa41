package io.salesforcetarget.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a record matches a {@link SearchTerm}: its searchable fields (those of the {@link SearchGroup}) split into
 * lower-case tokens at anything but letters and digits, as a search index holds them. A word or phrase matches when
 * one field has its tokens one after the other ({@code *} standing for any run of characters, {@code ?} for one);
 * AND, OR and AND NOT combine matches over all the record's fields, so "Joe Smith" finds Joe in FirstName and
 * Smith in LastName. A phone field also matches a term of digits equal to its own digits ("4155551212" finds
 * "(415) 555-1212").
 */
final class SearchMatcher {

    /** One searchable field's text: its tokens, and for a phone its digits (else null). */
    record FieldText(List<String> tokens, String digits) {
    }

    private SearchMatcher() {
    }

    /** The searchable text of {@code record}. */
    static List<FieldText> texts(SObjectRecord record, SObjectType type, SearchGroup group) {
        List<FieldText> out = new ArrayList<>();
        for (String name : RecordJson.allFields(type)) {
            FieldSpec spec = type.spec(name);
            JsonNode value = record.node(name);
            if (spec == null || !group.includes(spec) || value == null || value.isNull() || !value.isValueNode()) {
                continue;
            }
            String text = value.asText();
            out.add(new FieldText(tokens(text, false), spec.type() == FieldType.PHONE ? digits(text) : null));
        }
        return out;
    }

    static boolean matches(SearchTerm term, List<FieldText> fields) {
        if (term instanceof SearchTerm.All all) {
            return all.parts().stream().allMatch(p -> matches(p, fields));
        }
        if (term instanceof SearchTerm.Any any) {
            return any.parts().stream().anyMatch(p -> matches(p, fields));
        }
        if (term instanceof SearchTerm.Without without) {
            return matches(without.kept(), fields) && !matches(without.excluded(), fields);
        }
        SearchTerm.Words words = (SearchTerm.Words) term;
        if (words.tokens().isEmpty()) {
            return true; // punctuation only: nothing to look for, as the index drops it
        }
        String number = String.join("", words.tokens());
        boolean digitsOnly = number.chars().allMatch(Character::isDigit);
        for (FieldText field : fields) {
            if (inOrder(words.tokens(), field.tokens()) || digitsOnly && number.equals(field.digits())) {
                return true;
            }
        }
        return false;
    }

    private static boolean inOrder(List<String> patterns, List<String> tokens) {
        for (int start = 0; start + patterns.size() <= tokens.size(); start++) {
            int k = 0;
            while (k < patterns.size() && glob(patterns.get(k), tokens.get(start + k))) {
                k++;
            }
            if (k == patterns.size()) {
                return true;
            }
        }
        return false;
    }

    /** {@code pattern} (with the wildcard markers of {@link SearchTerm}) matches the whole {@code token}. */
    static boolean glob(String pattern, String token) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < token.length()) {
            char c = p < pattern.length() ? pattern.charAt(p) : 0;
            if (p < pattern.length() && (c == SearchTerm.ANY_ONE || c == token.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && c == SearchTerm.ANY_RUN) {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == SearchTerm.ANY_RUN) {
            p++;
        }
        return p == pattern.length();
    }

    /** Lower-case runs of letters and digits (and of the wildcard markers too, if {@code wildcards}). */
    static List<String> tokens(String text, boolean wildcards) {
        List<String> out = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c) || wildcards && (c == SearchTerm.ANY_RUN || c == SearchTerm.ANY_ONE)) {
                token.append(c);
            } else if (token.length() > 0) {
                out.add(token.toString().toLowerCase(Locale.ROOT));
                token.setLength(0);
            }
        }
        return out;
    }

    private static String digits(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().filter(Character::isDigit).forEach(c -> out.append((char) c));
        return out.toString();
    }
}
