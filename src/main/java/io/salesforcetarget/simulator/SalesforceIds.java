package io.salesforcetarget.simulator;

/**
 * Salesforce record IDs: a 15-character case-sensitive base-62 body (3-character key prefix first)
 * and the 18-character case-safe form, which appends a 3-character checksum.
 *
 * <p>Checksum: for each 5-character chunk, bit j (j = 0..4, least significant = first character)
 * is set when character j is an upper-case letter; the value 0..31 indexes
 * {@code ABCDEFGHIJKLMNOPQRSTUVWXYZ012345}.
 */
public final class SalesforceIds {

    private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** Characters 4-6 of real IDs name the pod and a reserved digit; "SM0" marks simulator IDs. */
    private static final String INSTANCE = "SM0";
    private static final int COUNTER_LENGTH = 15 - 3 - INSTANCE.length();

    private SalesforceIds() {
    }

    /** The 3-character checksum of a 15-character ID body. */
    public static String checksum(String id15) {
        if (id15 == null || id15.length() != 15 || !isAlphanumeric(id15)) {
            throw new IllegalArgumentException("not a 15-character ID: " + id15);
        }
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int j = 0; j < 5; j++) {
                char c = id15.charAt(chunk * 5 + j);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << j;
                }
            }
            suffix.append(CHECKSUM_ALPHABET.charAt(bits));
        }
        return suffix.toString();
    }

    /** The 18-character form of a 15-character ID (an 18-character ID is returned as is). */
    public static String to18(String id) {
        if (id.length() == 18) {
            return id;
        }
        return id + checksum(id);
    }

    /** True for a 15-character alphanumeric ID or an 18-character ID whose checksum matches. */
    public static boolean isValid(String id) {
        if (id == null || !isAlphanumeric(id)) {
            return false;
        }
        if (id.length() == 15) {
            return true;
        }
        return id.length() == 18 && id.substring(15).equals(checksum(id.substring(0, 15)));
    }

    /** Builds the {@code n}-th ID for a key prefix: prefix + "SM0" + base-62 counter, zero padded. */
    public static String generate(String keyPrefix, long n) {
        if (keyPrefix.length() != 3 || !isAlphanumeric(keyPrefix)) {
            throw new IllegalArgumentException("key prefix must be 3 alphanumeric characters: " + keyPrefix);
        }
        if (n < 0) {
            throw new IllegalArgumentException("counter must not be negative: " + n);
        }
        char[] digits = new char[COUNTER_LENGTH];
        long rest = n;
        for (int i = COUNTER_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (rest % 62));
            rest /= 62;
        }
        if (rest != 0) {
            throw new IllegalArgumentException("counter too large for an ID: " + n);
        }
        return to18(keyPrefix + INSTANCE + new String(digits));
    }

    static boolean isAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!ok) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
