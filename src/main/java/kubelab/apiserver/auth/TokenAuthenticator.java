package kubelab.apiserver.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kubelab.apiserver.UserInfo;

/**
 * Static bearer tokens from a CSV file in kube-apiserver's {@code --token-auth-file} format, one
 * user a line: {@code token,user,uid,"group1,group2"} (the groups column is optional). The tokens
 * last until the server restarts with another file: simple, and fine for a lab, never for
 * production.
 *
 * <p>A malformed file is refused whole, with an error naming the file and the line, so that a
 * typo cannot silently lock a user out. Empty lines are skipped. A line with an empty token is an
 * error here (Kubernetes only warns and skips it), and so is a token given twice.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/authentication/token/tokenfile}.
 */
public final class TokenAuthenticator implements Authenticator {

    /** One line of the file. {@code uid} is kept for the audit log and the future HTTP server. */
    public record TokenUser(String token, String username, String uid, List<String> groups) {
        public TokenUser {
            groups = List.copyOf(groups);
        }

        public UserInfo userInfo() {
            return new UserInfo(username, groups);
        }
    }

    private final Map<String, TokenUser> byToken;

    private TokenAuthenticator(Map<String, TokenUser> byToken) {
        this.byToken = byToken;
    }

    /** Reads a token file. @throws IllegalArgumentException naming the file and line of a bad record */
    public static TokenAuthenticator fromFile(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token file '" + file + "': " + e.getMessage(), e);
        }
    }

    /**
     * Parses the content of a token file; {@code fileName} is only used in error messages.
     *
     * @throws IllegalArgumentException e.g. {@code token file 'tokens.csv' line 3: must have at least
     *                                  3 columns (token, user name, user uid), found 2}
     */
    public static TokenAuthenticator parse(String fileName, String content) {
        Map<String, TokenUser> users = new LinkedHashMap<>();
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> fields;
            try {
                fields = splitCsv(lines[i]);
            } catch (IllegalArgumentException e) {
                throw error(fileName, lineNo, e.getMessage());
            }
            if (fields.size() < 3) {
                throw error(fileName, lineNo,
                        "must have at least 3 columns (token, user name, user uid), found " + fields.size());
            }
            String token = fields.get(0);
            if (token.isEmpty()) {
                throw error(fileName, lineNo, "empty token");
            }
            if (fields.get(1).isEmpty()) {
                throw error(fileName, lineNo, "empty user name");
            }
            List<String> groups = fields.size() >= 4 && !fields.get(3).isEmpty()
                    ? Arrays.stream(fields.get(3).split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList()
                    : List.of();
            if (users.putIfAbsent(token, new TokenUser(token, fields.get(1), fields.get(2), groups)) != null) {
                throw error(fileName, lineNo, "duplicate token");
            }
        }
        return new TokenAuthenticator(users);
    }

    private static IllegalArgumentException error(String fileName, int line, String what) {
        return new IllegalArgumentException("token file '" + fileName + "' line " + line + ": " + what);
    }

    /** One CSV record: commas separate fields, a field in double quotes may hold commas and {@code ""}. */
    static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            // Leading spaces are dropped, as Go's csv.Reader does with TrimLeadingSpace.
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("extraneous text after quoted field");
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** The users of the file, in file order. */
    public List<TokenUser> users() {
        return List.copyOf(byToken.values());
    }

    @Override
    public Optional<UserInfo> authenticateToken(String token) {
        TokenUser u = byToken.get(token);
        return u == null ? Optional.empty() : Optional.of(u.userInfo());
    }
}
