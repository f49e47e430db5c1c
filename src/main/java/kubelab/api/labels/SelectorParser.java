package kubelab.api.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The label selector grammar: a lexer that turns {@code env in (a,b),!legacy} into tokens, and a
 * recursive-descent parser over them. Same tokens, same decisions and same error words as
 * Kubernetes, so the same inputs fail with the same messages.
 *
 * <pre>
 * selector    ::= requirement ( "," requirement )*
 * requirement ::= [ "!" ] KEY [ ( "in" | "notin" ) "(" VALUES ")" | ( "=" | "==" | "!=" | "&gt;" | "&lt;" ) VALUE ]
 * </pre>
 *
 * <p>Real Kubernetes: {@code Lexer} and {@code Parser} in {@code k8s.io/apimachinery/pkg/labels/selector.go}.
 */
final class SelectorParser {

    private enum Token { ERROR, END, CLOSE_PAREN, COMMA, NOT, DOUBLE_EQUALS, EQUALS, GREATER, IDENTIFIER, IN, LESS, NOT_EQUALS, NOT_IN, OPEN_PAREN }

    private static final Map<String, Token> LITERALS = Map.ofEntries(
            Map.entry(")", Token.CLOSE_PAREN), Map.entry(",", Token.COMMA), Map.entry("!", Token.NOT),
            Map.entry("==", Token.DOUBLE_EQUALS), Map.entry("=", Token.EQUALS), Map.entry(">", Token.GREATER),
            Map.entry("in", Token.IN), Map.entry("<", Token.LESS), Map.entry("!=", Token.NOT_EQUALS),
            Map.entry("notin", Token.NOT_IN), Map.entry("(", Token.OPEN_PAREN));

    /** Where a token is read decides what {@code in} means: an operator after a key, a value inside {@code (...)}. */
    private enum Context { KEY_AND_OPERATOR, VALUES }

    private record Item(Token token, String literal, int position) {
    }

    private final String input;
    private final List<Item> items = new ArrayList<>();
    private int next;

    private SelectorParser(String input) {
        this.input = input;
    }

    static List<Requirement> parse(String input) {
        return new SelectorParser(input).parseAll();
    }

    // ---- lexer -------------------------------------------------------------------------------

    private void scan() {
        int pos = 0;
        while (true) {
            while (pos < input.length() && isWhitespace(input.charAt(pos))) {
                pos++;
            }
            if (pos >= input.length()) {
                items.add(new Item(Token.END, "", pos));
                return;
            }
            int start = pos;
            if (isSpecial(input.charAt(pos))) {
                // Longest run of symbols that is still an operator: "!=" rather than "!" then "=".
                Item last = null;
                StringBuilder buffer = new StringBuilder();
                while (pos < input.length() && isSpecial(input.charAt(pos))) {
                    buffer.append(input.charAt(pos));
                    Token t = LITERALS.get(buffer.toString());
                    if (t != null) {
                        last = new Item(t, buffer.toString(), start);
                    } else if (last != null) {
                        break;
                    }
                    pos++;
                }
                items.add(last != null ? last : new Item(Token.ERROR, "error expected: keyword found '" + buffer + "'", start));
                pos = start + (last != null ? last.literal().length() : buffer.length());
            } else {
                while (pos < input.length() && !isSpecial(input.charAt(pos)) && !isWhitespace(input.charAt(pos))) {
                    pos++;
                }
                String word = input.substring(start, pos);
                Token t = LITERALS.get(word);
                items.add(new Item(t == Token.IN || t == Token.NOT_IN ? t : Token.IDENTIFIER, word, start));
            }
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isSpecial(char c) {
        return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
    }

    // ---- parser ------------------------------------------------------------------------------

    private Item lookahead(Context context) {
        return asIn(items.get(next), context);
    }

    private Item consume(Context context) {
        return asIn(items.get(next++), context);
    }

    private static Item asIn(Item item, Context context) {
        boolean keyword = item.token() == Token.IN || item.token() == Token.NOT_IN;
        return context == Context.VALUES && keyword ? new Item(Token.IDENTIFIER, item.literal(), item.position()) : item;
    }

    private SelectorParseException error(String message, Item at) {
        return new SelectorParseException(message, input, at.position());
    }

    private List<Requirement> parseAll() {
        scan();
        List<Requirement> requirements = new ArrayList<>();
        while (true) {
            Item item = lookahead(Context.VALUES);
            switch (item.token()) {
                case IDENTIFIER, NOT -> {
                    requirements.add(parseRequirementOrFail(item));
                    Item after = consume(Context.VALUES);
                    if (after.token() == Token.END) {
                        return requirements;
                    }
                    if (after.token() != Token.COMMA) {
                        throw error("found '" + after.literal() + "', expected: ',' or 'end of string'", after);
                    }
                    Item t2 = lookahead(Context.VALUES);
                    if (t2.token() != Token.IDENTIFIER && t2.token() != Token.NOT) {
                        throw error("found '" + t2.literal() + "', expected: identifier after ','", t2);
                    }
                }
                case END -> {
                    return requirements;
                }
                default -> throw error("found '" + item.literal() + "', expected: !, identifier, or 'end of string'", item);
            }
        }
    }

    /** Every failure inside one requirement is reported as Kubernetes does: "unable to parse requirement: ...". */
    private Requirement parseRequirementOrFail(Item start) {
        try {
            return parseRequirement();
        } catch (SelectorParseException e) {
            throw new SelectorParseException("unable to parse requirement: " + e.getMessage(), input, e.position());
        } catch (IllegalArgumentException e) { // from Requirement's own validation
            throw new SelectorParseException("unable to parse requirement: " + e.getMessage(), input, start.position());
        }
    }

    private Requirement parseRequirement() {
        Item first = consume(Context.VALUES);
        Operator operator = null;
        if (first.token() == Token.NOT) {
            operator = Operator.DoesNotExist;
            first = consume(Context.VALUES);
        }
        if (first.token() != Token.IDENTIFIER) {
            throw error("found '" + first.literal() + "', expected: identifier", first);
        }
        String key = first.literal();
        List<String> keyErrs = LabelValidation.validateLabelKey(key);
        if (!keyErrs.isEmpty()) {
            // Kubernetes validates the key here with no field path, hence its "<nil>:" prefix.
            throw error(LabelValidation.invalid("<nil>", key, String.join("; ", keyErrs)), first);
        }
        Token ahead = lookahead(Context.VALUES).token();
        if (operator == Operator.DoesNotExist || ahead == Token.END || ahead == Token.COMMA) {
            return new Requirement(key, operator == null ? Operator.Exists : operator, Set.of());
        }
        Item op = consume(Context.KEY_AND_OPERATOR);
        operator = switch (op.token()) {
            case IN -> Operator.In;
            case NOT_IN -> Operator.NotIn;
            case EQUALS -> Operator.Equals;
            case DOUBLE_EQUALS -> Operator.DoubleEquals;
            case NOT_EQUALS -> Operator.NotEquals;
            case GREATER -> Operator.GreaterThan;
            case LESS -> Operator.LessThan;
            default -> throw error("found '" + op.literal() + "', expected: in, notin, =, ==, !=, gt, lt", op);
        };
        Set<String> values = operator == Operator.In || operator == Operator.NotIn ? parseValues() : parseExactValue();
        return new Requirement(key, operator, values);
    }

    private Set<String> parseValues() {
        Item open = consume(Context.VALUES);
        if (open.token() != Token.OPEN_PAREN) {
            throw error("found '" + open.literal() + "' expected: '('", open);
        }
        Item item = lookahead(Context.VALUES);
        switch (item.token()) {
            case IDENTIFIER, COMMA -> {
                Set<String> values = parseIdentifiersList();
                Item close = consume(Context.VALUES);
                if (close.token() != Token.CLOSE_PAREN) {
                    // Kubernetes names the token before the list here, not the one it found.
                    throw error("found '" + item.literal() + "', expected: ')'", close);
                }
                return values;
            }
            case CLOSE_PAREN -> {
                consume(Context.VALUES);
                return Set.of(""); // "x in ()" means the empty value
            }
            default -> throw error("found '" + item.literal() + "', expected: ',', ')' or identifier", item);
        }
    }

    /** A comma-separated list in which empty entries stand for the empty value: {@code (a,,b)}, {@code (,)}. */
    private Set<String> parseIdentifiersList() {
        Set<String> values = new TreeSet<>();
        while (true) {
            Item item = consume(Context.VALUES);
            switch (item.token()) {
                case IDENTIFIER -> {
                    values.add(item.literal());
                    Item after = lookahead(Context.VALUES);
                    if (after.token() == Token.CLOSE_PAREN) {
                        return values;
                    }
                    if (after.token() != Token.COMMA) {
                        throw error("found '" + after.literal() + "', expected: ',' or ')'", after);
                    }
                }
                case COMMA -> {
                    if (values.isEmpty()) {
                        values.add("");
                    }
                    Token after = lookahead(Context.VALUES).token();
                    if (after == Token.CLOSE_PAREN) {
                        values.add("");
                        return values;
                    }
                    if (after == Token.COMMA) {
                        consume(Context.VALUES);
                        values.add("");
                    }
                }
                default -> throw error("found '" + item.literal() + "', expected: ',', or identifier", item);
            }
        }
    }

    private Set<String> parseExactValue() {
        Token ahead = lookahead(Context.VALUES).token();
        if (ahead == Token.END || ahead == Token.COMMA) {
            return Set.of(""); // "env=" asks for the empty value
        }
        Item value = consume(Context.VALUES);
        if (value.token() != Token.IDENTIFIER) {
            throw error("found '" + value.literal() + "', expected: identifier", value);
        }
        return Set.of(value.literal());
    }
}
