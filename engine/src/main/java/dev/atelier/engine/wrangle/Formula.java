package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import dev.atelier.engine.wrangle.FormulaSyntax.Binary;
import dev.atelier.engine.wrangle.FormulaSyntax.Bool;
import dev.atelier.engine.wrangle.FormulaSyntax.Call;
import dev.atelier.engine.wrangle.FormulaSyntax.Col;
import dev.atelier.engine.wrangle.FormulaSyntax.Kind;
import dev.atelier.engine.wrangle.FormulaSyntax.Node;
import dev.atelier.engine.wrangle.FormulaSyntax.Null;
import dev.atelier.engine.wrangle.FormulaSyntax.Num;
import dev.atelier.engine.wrangle.FormulaSyntax.Parser;
import dev.atelier.engine.wrangle.FormulaSyntax.Str;
import dev.atelier.engine.wrangle.FormulaSyntax.Unary;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/// The custom-formula language: [FormulaSyntax]'s tokenizer and Pratt (precedence-climbing) parser build an AST, which is bound
/// to a frame's columns and evaluated row by row.
///
/// Syntax (case-insensitive keywords and function names):
/// - numbers `3`, `2.5e3`; text `'abc'` or `"abc"` (a doubled quote inside is one quote); `true`, `false`, `null`;
/// - columns by bare name (`price`) or in brackets when the name has spaces (`[unit price]`);
/// - `+ - * / % ^` (power, right-associative), comparisons `= == != <> < <= > >=`, `and or not` (also `&& || !`);
/// - functions: math `abs sqrt ln log log10 exp pow round floor ceil min max sin cos tan sign`,
///   logic `if(c, a, b)`, `case(c1, v1, c2, v2, ..., otherwise)`, `coalesce(...)`, `isnull(x)`,
///   text `len lower upper trim concat substr(s, start, length) left right contains startswith endswith replace
///   text number`, dates `year month day hour minute weekday date(y, m, d) date(text) datediff(a, b) adddays(d, n)`.
///
/// Missing values propagate: any operation on a missing value is missing (except `isnull`, `coalesce`, `if` and
/// `case` conditions, where a missing condition counts as false). `+` joins text when either side is text;
/// `date - date` gives days and `date + number` adds days. Division by zero is missing.
public final class Formula {
    private final String source;
    private final Node root;

    private Formula(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /// Parses a formula.
    ///
    /// @throws SpecException `FORMULA_SYNTAX` with the 1-based character position and what was expected
    public static Formula parse(String source) {
        Parser parser = new Parser(source);
        Node node = parser.expression(0);
        if (parser.peek().kind() != Kind.END) {
            throw parser.error(parser.peek(), "an operator or the end of the formula");
        }
        return new Formula(source, node);
    }

    /// The formula text.
    public String source() {
        return source;
    }

    /// The columns the formula reads, in order of first use.
    public Set<String> columns() {
        var out = new LinkedHashSet<String>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, Set<String> out) {
        switch (n) {
            case Col c -> out.add(c.name());
            case Unary u -> collect(u.arg(), out);
            case Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
            case Call c -> c.args().forEach(a -> collect(a, out));
            default -> {
            }
        }
    }

    /// The evaluated values, one per row (`null` = missing), and the type they make.
    record Result(Object[] values, @Nullable ColumnType type) {
    }

    /// Evaluates the formula on every row of `frame`.
    ///
    /// @throws DataException `COLUMN_NOT_FOUND` for an unknown column, `FORMULA_INVALID` for a value of the wrong
    ///                       kind (e.g. text times a number) or results that mix kinds
    Result evaluate(Frame frame) {
        Eval e = bind(root, frame);
        int n = frame.rows();
        Object[] out = new Object[n];
        ColumnType type = null;
        for (int r = 0; r < n; r++) {
            Object v = e.at(r);
            if (v instanceof Double d && !Double.isFinite(d)) {
                v = null;
            }
            out[r] = v;
            if (v != null) {
                ColumnType t = typeOf(v);
                if (type == null) {
                    type = t;
                } else if (type != t) {
                    throw invalid("it gives both " + word(type) + " and " + word(t));
                }
            }
        }
        return new Result(out, type);
    }

    private static ColumnType typeOf(Object v) {
        return switch (v) {
            case Double d -> ColumnType.NUMERIC;
            case Boolean b -> ColumnType.BOOLEAN;
            case LocalDateTime t -> ColumnType.DATETIME;
            default -> ColumnType.CATEGORICAL;
        };
    }

    private static String word(ColumnType t) {
        return switch (t) {
            case NUMERIC -> "numbers";
            case BOOLEAN -> "true/false";
            case DATETIME -> "dates";
            default -> "text";
        };
    }

    private DataException invalid(String reason) {
        return new DataException(ErrorCode.FORMULA_INVALID, reason, source);
    }

    // ---- evaluation ------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Eval {
        @Nullable Object at(int row);
    }

    private Eval bind(Node node, Frame frame) {
        return switch (node) {
            case Num n -> {
                Double v = n.value();
                yield r -> v;
            }
            case Str s -> r -> s.value();
            case Bool b -> {
                Boolean v = b.value();
                yield r -> v;
            }
            case Null x -> r -> null;
            case Col c -> {
                int idx = frame.indexOf(c.name());
                if (idx < 0) {
                    throw new DataException(ErrorCode.COLUMN_NOT_FOUND, c.name());
                }
                yield r -> frame.value(idx, r);
            }
            case Unary u -> {
                Eval a = bind(u.arg(), frame);
                yield u.op().equals("-")
                        ? r -> {
                            Object v = a.at(r);
                            return v == null ? null : -num(v, "-");
                        }
                        : r -> {
                            Object v = a.at(r);
                            return v == null ? null : !bool(v, "not");
                        };
            }
            case Binary b -> binary(b, bind(b.left(), frame), bind(b.right(), frame));
            case Call c -> call(c, c.args().stream().map(a -> bind(a, frame)).toList());
        };
    }

    private Eval binary(Binary b, Eval l, Eval r) {
        return switch (b.op()) {
            case "and" -> row -> {
                Object x = l.at(row);
                if (x != null && !bool(x, "and")) {
                    return false;
                }
                Object y = r.at(row);
                if (y != null && !bool(y, "and")) {
                    return false;
                }
                return x == null || y == null ? null : true;
            };
            case "or" -> row -> {
                Object x = l.at(row);
                if (x != null && bool(x, "or")) {
                    return true;
                }
                Object y = r.at(row);
                if (y != null && bool(y, "or")) {
                    return true;
                }
                return x == null || y == null ? null : false;
            };
            default -> row -> {
                Object x = l.at(row);
                Object y = r.at(row);
                if (x == null || y == null) {
                    return null;
                }
                return operate(b.op(), x, y);
            };
        };
    }

    private Object operate(String op, Object x, Object y) {
        switch (op) {
            case "+" -> {
                if (x instanceof String || y instanceof String) {
                    return text(x) + text(y);
                }
                if (x instanceof LocalDateTime t) {
                    return plusDays(t, num(y, "+"));
                }
                return num(x, "+") + num(y, "+");
            }
            case "-" -> {
                if (x instanceof LocalDateTime a && y instanceof LocalDateTime b) {
                    return ChronoUnit.SECONDS.between(b, a) / 86400.0;
                }
                if (x instanceof LocalDateTime t) {
                    return plusDays(t, -num(y, "-"));
                }
                return num(x, "-") - num(y, "-");
            }
            case "*" -> {
                return num(x, "*") * num(y, "*");
            }
            case "/" -> {
                double d = num(y, "/");
                return d == 0 ? null : num(x, "/") / d;
            }
            case "%" -> {
                double d = num(y, "%");
                return d == 0 ? null : num(x, "%") % d;
            }
            case "^" -> {
                return Math.pow(num(x, "^"), num(y, "^"));
            }
            case "=" -> {
                return same(x, y);
            }
            case "!=" -> {
                return !same(x, y);
            }
            default -> {
                int c = compare(x, y, op);
                return switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            }
        }
    }

    private static LocalDateTime plusDays(LocalDateTime t, double days) {
        return t.plusSeconds(Math.round(days * 86400));
    }

    private static boolean same(Object x, Object y) {
        if (x instanceof Double a && y instanceof Double b) {
            return a.doubleValue() == b.doubleValue();
        }
        return x.equals(y);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compare(Object x, Object y, String op) {
        if (x.getClass() != y.getClass() || !(x instanceof Comparable)) {
            throw invalid("'" + op + "' compares " + kind(x) + " with " + kind(y));
        }
        return ((Comparable) x).compareTo(y);
    }

    private static String kind(Object v) {
        return word(typeOf(v));
    }

    private double num(Object v, String where) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw invalid("'" + where + "' needs numbers but got " + kind(v) + " (" + text(v) + ")");
    }

    private boolean bool(Object v, String where) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw invalid("'" + where + "' needs true/false but got " + kind(v) + " (" + text(v) + ")");
    }

    private LocalDateTime date(Object v, String where) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        throw invalid(where + " needs a date but got " + kind(v) + " (" + text(v) + ")");
    }

    private static String text(Object v) {
        return switch (v) {
            case Double d -> dev.atelier.engine.data.Dataset.formatNumber(d);
            case LocalDateTime t -> Frame.formatDate(t);
            default -> v.toString();
        };
    }

    private Eval call(Call c, List<Eval> a) {
        String f = c.name();
        switch (f) {
            case "if" -> {
                return r -> {
                    Object cond = a.get(0).at(r);
                    return cond != null && bool(cond, "if") ? a.get(1).at(r) : a.get(2).at(r);
                };
            }
            case "case" -> {
                return r -> {
                    int i = 0;
                    for (; i + 1 < a.size(); i += 2) {
                        Object cond = a.get(i).at(r);
                        if (cond != null && bool(cond, "case")) {
                            return a.get(i + 1).at(r);
                        }
                    }
                    return i < a.size() ? a.get(i).at(r) : null;
                };
            }
            case "coalesce" -> {
                return r -> {
                    for (Eval e : a) {
                        Object v = e.at(r);
                        if (v != null) {
                            return v;
                        }
                    }
                    return null;
                };
            }
            case "isnull" -> {
                return r -> a.getFirst().at(r) == null;
            }
            case "concat" -> {
                return r -> {
                    var sb = new StringBuilder();
                    for (Eval e : a) {
                        Object v = e.at(r);
                        if (v != null) {
                            sb.append(text(v));
                        }
                    }
                    return sb.toString();
                };
            }
            default -> {
            }
        }
        return r -> {
            Object[] v = new Object[a.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = a.get(i).at(r);
                if (v[i] == null) {
                    return null;
                }
            }
            return function(f, v);
        };
    }

    private Object function(String f, Object[] v) {
        return switch (f) {
            case "abs" -> Math.abs(num(v[0], f));
            case "sqrt" -> Math.sqrt(num(v[0], f));
            case "ln" -> Math.log(num(v[0], f));
            case "log" -> v.length == 1 ? Math.log(num(v[0], f)) : Math.log(num(v[0], f)) / Math.log(num(v[1], f));
            case "log10" -> Math.log10(num(v[0], f));
            case "exp" -> Math.exp(num(v[0], f));
            case "pow" -> Math.pow(num(v[0], f), num(v[1], f));
            case "round" -> {
                double scale = v.length == 2 ? Math.pow(10, num(v[1], f)) : 1;
                yield Math.round(num(v[0], f) * scale) / scale;
            }
            case "floor" -> Math.floor(num(v[0], f));
            case "ceil" -> Math.ceil(num(v[0], f));
            case "min", "max" -> {
                double m = num(v[0], f);
                for (Object o : v) {
                    m = f.equals("min") ? Math.min(m, num(o, f)) : Math.max(m, num(o, f));
                }
                yield m;
            }
            case "sin" -> Math.sin(num(v[0], f));
            case "cos" -> Math.cos(num(v[0], f));
            case "tan" -> Math.tan(num(v[0], f));
            case "sign" -> Math.signum(num(v[0], f));
            case "len" -> (double) text(v[0]).length();
            case "lower" -> text(v[0]).toLowerCase(Locale.ROOT);
            case "upper" -> text(v[0]).toUpperCase(Locale.ROOT);
            case "trim" -> text(v[0]).strip();
            case "substr" -> {
                String s = text(v[0]);
                int start = Math.max(0, Math.min(s.length(), (int) num(v[1], f) - 1));
                int end = v.length == 3 ? Math.min(s.length(), start + Math.max(0, (int) num(v[2], f))) : s.length();
                yield s.substring(start, end);
            }
            case "left" -> {
                String s = text(v[0]);
                yield s.substring(0, Math.max(0, Math.min(s.length(), (int) num(v[1], f))));
            }
            case "right" -> {
                String s = text(v[0]);
                yield s.substring(s.length() - Math.max(0, Math.min(s.length(), (int) num(v[1], f))));
            }
            case "contains" -> text(v[0]).contains(text(v[1]));
            case "startswith" -> text(v[0]).startsWith(text(v[1]));
            case "endswith" -> text(v[0]).endsWith(text(v[1]));
            case "replace" -> text(v[0]).replace(text(v[1]), text(v[2]));
            case "text" -> text(v[0]);
            case "number" -> {
                double d = v[0] instanceof String s ? Frame.parseNumber(s) : num(v[0], f);
                yield Double.isNaN(d) ? null : d;
            }
            case "year" -> (double) date(v[0], f).getYear();
            case "month" -> (double) date(v[0], f).getMonthValue();
            case "day" -> (double) date(v[0], f).getDayOfMonth();
            case "hour" -> (double) date(v[0], f).getHour();
            case "minute" -> (double) date(v[0], f).getMinute();
            case "weekday" -> (double) date(v[0], f).getDayOfWeek().getValue();
            case "date" -> {
                if (v.length == 3) {
                    try {
                        yield LocalDate.of((int) num(v[0], f), (int) num(v[1], f), (int) num(v[2], f)).atStartOfDay();
                    } catch (java.time.DateTimeException e) {
                        yield null;
                    }
                }
                if (v.length == 1 && v[0] instanceof LocalDateTime t) {
                    yield t.toLocalDate().atStartOfDay();
                }
                if (v.length != 1) {
                    throw invalid("date takes a text or year, month, day");
                }
                LocalDateTime t = ColumnSteps.parseDate(text(v[0]).strip(), java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);
                yield t != null ? t : ColumnSteps.parseDate(text(v[0]).strip(),
                        java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            }
            case "datediff" -> ChronoUnit.SECONDS.between(date(v[1], f), date(v[0], f)) / 86400.0;
            case "adddays" -> plusDays(date(v[0], f), num(v[1], f));
            default -> throw new IllegalStateException(f);
        };
    }
}
