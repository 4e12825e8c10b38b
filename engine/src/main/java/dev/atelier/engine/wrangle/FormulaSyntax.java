package dev.atelier.engine.wrangle;

import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// The syntax of the custom-formula language ([Formula]): tokens, the Pratt (precedence-climbing) parser that
/// reports the 1-based position of a syntax error, the functions' arities, and the syntax tree it builds.
final class FormulaSyntax {
    private FormulaSyntax() {
    }

    // ---- tokens ------------------------------------------------------------------------------------------

    enum Kind { NUMBER, STRING, IDENT, COLUMN, OP, END }

    record Token(Kind kind, String text, int pos) {
    }

    static final class Parser {
        private final String src;
        private final List<Token> tokens = new ArrayList<>();
        private int next;

        Parser(String src) {
            this.src = src;
            tokenize();
        }

        private void tokenize() {
            int i = 0;
            int n = src.length();
            while (i < n) {
                char c = src.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1))) {
                    int start = i;
                    while (i < n && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '.')) {
                        i++;
                    }
                    if (i < n && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
                        int save = i;
                        i++;
                        if (i < n && (src.charAt(i) == '+' || src.charAt(i) == '-')) {
                            i++;
                        }
                        if (i < n && Character.isDigit(src.charAt(i))) {
                            while (i < n && Character.isDigit(src.charAt(i))) {
                                i++;
                            }
                        } else {
                            i = save;
                        }
                    }
                    String text = src.substring(start, i);
                    if (text.indexOf('.') != text.lastIndexOf('.')) {
                        throw syntax(start + text.lastIndexOf('.') - 0, "a number with one decimal point");
                    }
                    tokens.add(new Token(Kind.NUMBER, text, start));
                } else if (c == '\'' || c == '"') {
                    int start = i;
                    var sb = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw syntax(start, "a closing " + c + " for the text that starts here");
                        }
                        char d = src.charAt(i);
                        if (d == c) {
                            if (i + 1 < n && src.charAt(i + 1) == c) {
                                sb.append(c);
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        sb.append(d);
                        i++;
                    }
                    tokens.add(new Token(Kind.STRING, sb.toString(), start));
                } else if (c == '[' || c == '`') {
                    char close = c == '[' ? ']' : '`';
                    int end = src.indexOf(close, i + 1);
                    if (end < 0) {
                        throw syntax(i, "a closing " + close + " for the column name that starts here");
                    }
                    tokens.add(new Token(Kind.COLUMN, src.substring(i + 1, end), i));
                    i = end + 1;
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                        i++;
                    }
                    tokens.add(new Token(Kind.IDENT, src.substring(start, i), start));
                } else {
                    String two = i + 1 < n ? src.substring(i, i + 2) : "";
                    if (List.of("<=", ">=", "!=", "<>", "==", "&&", "||").contains(two)) {
                        tokens.add(new Token(Kind.OP, two, i));
                        i += 2;
                    } else if ("+-*/%^()<>=!,".indexOf(c) >= 0) {
                        tokens.add(new Token(Kind.OP, String.valueOf(c), i));
                        i++;
                    } else {
                        throw syntax(i, "a number, text, column, function or operator, not '" + c + "'");
                    }
                }
            }
            tokens.add(new Token(Kind.END, "", n));
        }

        Token peek() {
            return tokens.get(next);
        }

        Token take() {
            return tokens.get(next++);
        }

        SpecException syntax(int pos, String expected) {
            return new SpecException(ErrorCode.FORMULA_SYNTAX, pos + 1, expected, src);
        }

        SpecException error(Token t, String expected) {
            String found = t.kind == Kind.END ? "the end of the formula" : "'" + t.text + "'";
            return syntax(t.pos, expected + ", found " + found);
        }

        private static int infix(Token t) {
            if (t.kind == Kind.IDENT) {
                return switch (t.text.toLowerCase(Locale.ROOT)) {
                    case "or" -> 1;
                    case "and" -> 2;
                    default -> -1;
                };
            }
            if (t.kind != Kind.OP) {
                return -1;
            }
            return switch (t.text) {
                case "||" -> 1;
                case "&&" -> 2;
                case "=", "==", "!=", "<>", "<", "<=", ">", ">=" -> 4;
                case "+", "-" -> 5;
                case "*", "/", "%" -> 6;
                case "^" -> 8;
                default -> -1;
            };
        }

        /// Parses operators binding tighter than `minPrec`.
        Node expression(int minPrec) {
            Node left = prefix();
            while (true) {
                Token op = peek();
                int prec = infix(op);
                if (prec < 0 || prec <= minPrec) {
                    return left;
                }
                take();
                Node right = expression(op.text.equals("^") ? prec - 1 : prec);
                left = new Binary(normalize(op.text), left, right, op.pos);
                if (prec == 4 && infix(peek()) == 4) {
                    throw error(peek(), "'and' or 'or' between two comparisons");
                }
            }
        }

        private static String normalize(String op) {
            return switch (op.toLowerCase(Locale.ROOT)) {
                case "==" -> "=";
                case "<>" -> "!=";
                case "&&" -> "and";
                case "||" -> "or";
                default -> op.toLowerCase(Locale.ROOT);
            };
        }

        Node prefix() {
            Token t = take();
            switch (t.kind) {
                case NUMBER -> {
                    return new Num(Double.parseDouble(t.text));
                }
                case STRING -> {
                    return new Str(t.text);
                }
                case COLUMN -> {
                    return new Col(t.text, t.pos);
                }
                case IDENT -> {
                    String word = t.text.toLowerCase(Locale.ROOT);
                    switch (word) {
                        case "true", "false" -> {
                            return new Bool(word.equals("true"));
                        }
                        case "null" -> {
                            return new Null();
                        }
                        case "not" -> {
                            return new Unary("not", expression(3), t.pos);
                        }
                        default -> {
                        }
                    }
                    if (peek().kind == Kind.OP && peek().text.equals("(")) {
                        take();
                        var args = new ArrayList<Node>();
                        if (!(peek().kind == Kind.OP && peek().text.equals(")"))) {
                            do {
                                args.add(expression(0));
                            } while (peek().kind == Kind.OP && peek().text.equals(",") && take() != null);
                        }
                        expect(")");
                        Call call = new Call(word, args, t.pos);
                        checkCall(call);
                        return call;
                    }
                    return new Col(t.text, t.pos);
                }
                case OP -> {
                    switch (t.text) {
                        case "(" -> {
                            Node inner = expression(0);
                            expect(")");
                            return inner;
                        }
                        case "-" -> {
                            return new Unary("-", expression(7), t.pos);
                        }
                        case "+" -> {
                            return expression(7);
                        }
                        case "!" -> {
                            return new Unary("not", expression(3), t.pos);
                        }
                        default -> throw error(t, "a value");
                    }
                }
                default -> throw error(t, "a value");
            }
        }

        private void expect(String op) {
            Token t = peek();
            if (t.kind != Kind.OP || !t.text.equals(op)) {
                throw error(t, "'" + op + "'");
            }
            take();
        }

        private void checkCall(Call c) {
            int[] arity = ARITY.get(c.name);
            if (arity == null) {
                throw syntax(c.pos, "a known function (\"" + c.name + "\" is not one)");
            }
            int n = c.args.size();
            if (n < arity[0] || n > arity[1]) {
                String count = arity[0] == arity[1] ? String.valueOf(arity[0])
                        : arity[1] == Integer.MAX_VALUE ? "at least " + arity[0] : arity[0] + " to " + arity[1];
                throw syntax(c.pos, count + " argument(s) for " + c.name + ", not " + n);
            }
        }
    }

    static final int MANY = Integer.MAX_VALUE;
    static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("abs", new int[]{1, 1}), Map.entry("sqrt", new int[]{1, 1}), Map.entry("ln", new int[]{1, 1}),
            Map.entry("log", new int[]{1, 2}), Map.entry("log10", new int[]{1, 1}), Map.entry("exp", new int[]{1, 1}),
            Map.entry("pow", new int[]{2, 2}), Map.entry("round", new int[]{1, 2}), Map.entry("floor", new int[]{1, 1}),
            Map.entry("ceil", new int[]{1, 1}), Map.entry("min", new int[]{1, MANY}), Map.entry("max", new int[]{1, MANY}),
            Map.entry("sin", new int[]{1, 1}), Map.entry("cos", new int[]{1, 1}), Map.entry("tan", new int[]{1, 1}),
            Map.entry("sign", new int[]{1, 1}), Map.entry("if", new int[]{3, 3}), Map.entry("case", new int[]{2, MANY}),
            Map.entry("coalesce", new int[]{1, MANY}), Map.entry("isnull", new int[]{1, 1}),
            Map.entry("len", new int[]{1, 1}), Map.entry("lower", new int[]{1, 1}), Map.entry("upper", new int[]{1, 1}),
            Map.entry("trim", new int[]{1, 1}), Map.entry("concat", new int[]{1, MANY}),
            Map.entry("substr", new int[]{2, 3}), Map.entry("left", new int[]{2, 2}), Map.entry("right", new int[]{2, 2}),
            Map.entry("contains", new int[]{2, 2}), Map.entry("startswith", new int[]{2, 2}),
            Map.entry("endswith", new int[]{2, 2}), Map.entry("replace", new int[]{3, 3}),
            Map.entry("text", new int[]{1, 1}), Map.entry("number", new int[]{1, 1}),
            Map.entry("year", new int[]{1, 1}), Map.entry("month", new int[]{1, 1}), Map.entry("day", new int[]{1, 1}),
            Map.entry("hour", new int[]{1, 1}), Map.entry("minute", new int[]{1, 1}),
            Map.entry("weekday", new int[]{1, 1}), Map.entry("date", new int[]{1, 3}),
            Map.entry("datediff", new int[]{2, 2}), Map.entry("adddays", new int[]{2, 2}));

    // ---- AST -------------------------------------------------------------------------------------------

    sealed interface Node permits Num, Str, Bool, Null, Col, Unary, Binary, Call {
    }

    record Num(double value) implements Node {
    }

    record Str(String value) implements Node {
    }

    record Bool(boolean value) implements Node {
    }

    record Null() implements Node {
    }

    record Col(String name, int pos) implements Node {
    }

    record Unary(String op, Node arg, int pos) implements Node {
    }

    record Binary(String op, Node left, Node right, int pos) implements Node {
    }

    record Call(String name, List<Node> args, int pos) implements Node {
    }
}
