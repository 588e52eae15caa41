package io.salesforcetarget.simulator;

/**
 * The errors of a SOQL or SOSL text as Salesforce words them: the line of the text, a caret under the place,
 * "ERROR at Row:r:Column:c", then the reason; e.g. 400 MALFORMED_QUERY "unexpected token: FRM".
 */
final class QueryErrors {

    private QueryErrors() {
    }

    static ApiError at(String text, String errorCode, int position, String reason) {
        int row = 1;
        int lineStart = 0;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                row++;
                lineStart = i + 1;
            }
        }
        int column = position - lineStart + 1;
        int lineEnd = text.indexOf('\n', lineStart);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        String message = "\n" + line + "\n" + " ".repeat(column - 1) + "^\nERROR at Row:" + row + ":Column:"
                + column + "\n" + reason;
        return new ApiError(400, errorCode, message);
    }
}
