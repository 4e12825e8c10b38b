package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.ColumnType;
import dev.atelier.engine.error.DataException;
import dev.atelier.engine.error.ErrorCode;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static dev.atelier.engine.wrangle.Family.CUSTOM_FORMULA;
import static dev.atelier.engine.wrangle.Family.FEATURIZE_TEXT;
import static dev.atelier.engine.wrangle.Family.FORMAT_STRING;
import static dev.atelier.engine.wrangle.Family.SEARCH_EDIT;
import static dev.atelier.engine.wrangle.Family.SPLIT_EXTRACT_STRING;

/// Text: featurize (character statistics, word counts, TF-IDF, bag of words), format, split and extract, search
/// and edit, and the custom formula.
final class TextSteps {
    private TextSteps() {
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    static List<Transform> all() {
        var out = new ArrayList<Transform>();
        // ---- featurize text
        out.add(T.of("char_stats", FEATURIZE_TEXT, "Character statistics",
                        "Adds counts of characters, letters, digits, capitals, spaces and punctuation marks.")
                .types(T.STRINGS).params(P.column())
                .apply((f, p) -> {
                    String c = p.column();
                    String[] v = f.strings(c);
                    String[] names = {"length", "letters", "digits", "uppercase", "spaces", "punctuation"};
                    double[][] o = new double[names.length][v.length];
                    for (int i = 0; i < v.length; i++) {
                        String s = v[i];
                        if (s.isEmpty()) {
                            for (double[] col : o) {
                                col[i] = 0;
                            }
                        }
                        o[0][i] = s.codePointCount(0, s.length());
                        for (int k = 0; k < s.length(); k++) {
                            char ch = s.charAt(k);
                            o[1][i] += Character.isLetter(ch) ? 1 : 0;
                            o[2][i] += Character.isDigit(ch) ? 1 : 0;
                            o[3][i] += Character.isUpperCase(ch) ? 1 : 0;
                            o[4][i] += Character.isWhitespace(ch) ? 1 : 0;
                            o[5][i] += !Character.isLetterOrDigit(ch) && !Character.isWhitespace(ch) ? 1 : 0;
                        }
                    }
                    String after = c;
                    for (int k = 0; k < names.length; k++) {
                        f.putNumbers(c + "_" + names[k], o[k], after);
                        after = c + "_" + names[k];
                    }
                }));
        out.add(T.of("word_count", FEATURIZE_TEXT, "Count words", "Adds the number of words (runs of letters and digits).")
                .types(T.STRINGS).params(P.column(), P.output("Name of the new column; empty = <column>_words."))
                .apply((f, p) -> {
                    String[] v = f.strings(p.column());
                    double[] o = new double[v.length];
                    for (int i = 0; i < v.length; i++) {
                        o[i] = tokens(v[i]).size();
                    }
                    f.putNumbers(p.output(p.column() + "_words"), o, p.column());
                }));
        out.add(T.of("tfidf", FEATURIZE_TEXT, "TF-IDF",
                        "Adds a column per frequent training word: its count in the row weighted by how rare the word is across rows, each row scaled to length 1.")
                .types(T.STRINGS)
                .params(P.column(), P.integer("max_features", 100, 1, 100_000, "Vocabulary limit: the most common words kept."),
                        P.integer("min_rows", 1, 1, Integer.MAX_VALUE, "A word must appear in at least this many training rows."))
                .fitted((f, p, s) -> {
                    String[] v = f.strings(p.column());
                    var df = documentFrequency(v);
                    List<String> vocab = vocabulary(df, p.integer("max_features"), p.integer("min_rows"));
                    double[] idf = new double[vocab.size()];
                    for (int k = 0; k < idf.length; k++) {
                        idf[k] = Math.log((1.0 + v.length) / (1.0 + df.get(vocab.get(k)))) + 1;
                    }
                    return State.builder().put("vocabulary", vocab).put("idf", idf).build();
                }, (f, p, s, ph) -> vectorize(f, p.column(), "tfidf", s.texts("vocabulary"), s.reals("idf"), false)));
        out.add(T.of("count_vector", FEATURIZE_TEXT, "Bag of words",
                        "Adds a column per frequent training word with how often it appears in the row (or 0/1).")
                .types(T.STRINGS)
                .params(P.column(), P.integer("max_features", 50, 1, 100_000, "Vocabulary limit: the most common words kept."),
                        P.flag("binary", false, "Write 1 if the word appears instead of its count."))
                .fitted((f, p, s) -> State.builder().put("vocabulary",
                                vocabulary(documentFrequency(f.strings(p.column())), p.integer("max_features"), 1)).build(),
                        (f, p, s, ph) -> vectorize(f, p.column(), "count", s.texts("vocabulary"), null, p.flag("binary"))));
        // ---- format text
        out.add(format("lowercase", "Lower case", "Writes text in lower case.", s -> s.toLowerCase(Locale.ROOT)));
        out.add(format("uppercase", "Upper case", "Writes text in upper case.", s -> s.toUpperCase(Locale.ROOT)));
        out.add(format("title_case", "Title case", "Capitalises the first letter of each word and lower-cases the rest.", TextSteps::titleCase));
        out.add(format("trim", "Trim spaces", "Removes spaces at the start and end.", String::strip));
        out.add(format("normalize_whitespace", "Tidy spaces", "Trims and turns every run of spaces, tabs and line breaks into one space.",
                s -> s.strip().replaceAll("\\s+", " ")));
        out.add(format("remove_symbols", "Remove symbols", "Removes every character that is not a letter, digit or space.",
                s -> s.replaceAll("[^\\p{L}\\p{N}\\s]", "")));
        out.add(format("strip_accents", "Remove accents", "Turns accented letters into plain ones (é → e).",
                s -> Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "")));
        out.add(T.of("pad", FORMAT_STRING, "Pad text", "Pads text to a width with a character, on the left or right (e.g. 7 → 007).")
                .types(T.STRINGS)
                .params(P.columns(), P.integer("width", 5, 1, 10_000, "The width to reach."),
                        P.choice("side", "left", List.of("left", "right"), "Where to add the characters."),
                        P.text("character", "0", "The padding character."))
                .apply((f, p) -> {
                    String ch = p.text("character").isEmpty() ? " " : p.text("character").substring(0, 1);
                    int w = p.integer("width");
                    boolean left = p.text("side").equals("left");
                    for (String c : p.columns()) {
                        editStrings(f, c, s -> {
                            if (s.isEmpty() || s.length() >= w) {
                                return s;
                            }
                            String pad = ch.repeat(w - s.length());
                            return left ? pad + s : s + pad;
                        });
                    }
                }));
        out.add(T.of("add_affix", FORMAT_STRING, "Add prefix or suffix", "Adds text before and/or after each non-empty value.")
                .types(T.STRINGS)
                .params(P.columns(), P.text("prefix", "", "Text to add before."), P.text("suffix", "", "Text to add after."))
                .apply((f, p) -> p.columns().forEach(c -> editStrings(f, c, s -> p.text("prefix") + s + p.text("suffix")))));
        // ---- split and extract
        out.add(T.of("split_text", SPLIT_EXTRACT_STRING, "Split into columns",
                        "Splits text at a delimiter into columns <name>_1, <name>_2, ...; missing where a row has fewer parts.")
                .types(T.STRINGS)
                .params(P.column(), P.text("delimiter", ",", "The separator (plain text)."), P.integer("parts", 2, 1, 1000, "How many columns."))
                .apply((f, p) -> {
                    String[] v = f.strings(p.column());
                    int k = p.integer("parts");
                    String[][] o = new String[k][v.length];
                    for (int i = 0; i < v.length; i++) {
                        String[] parts = v[i].isEmpty() ? new String[0] : v[i].split(Pattern.quote(delimiter(p)), k);
                        for (int j = 0; j < k; j++) {
                            o[j][i] = j < parts.length ? parts[j].strip() : "";
                        }
                    }
                    String after = p.column();
                    for (int j = 0; j < k; j++) {
                        f.putStrings(p.column() + "_" + (j + 1), o[j], ColumnType.CATEGORICAL, after);
                        after = p.column() + "_" + (j + 1);
                    }
                }));
        out.add(T.of("split_take", SPLIT_EXTRACT_STRING, "Take part of split text",
                        "Splits text at a delimiter and keeps one part (1 = first, -1 = last).")
                .types(T.STRINGS)
                .params(P.column(), P.text("delimiter", ",", "The separator (plain text)."),
                        P.integer("index", 1, -1000, 1000, "Which part: 1 = first, -1 = last."), P.output())
                .apply((f, p) -> {
                    int idx = p.integer("index");
                    mapStrings(f, p, s -> {
                        String[] parts = s.split(Pattern.quote(delimiter(p)), -1);
                        int j = idx > 0 ? idx - 1 : parts.length + idx;
                        return j >= 0 && j < parts.length ? parts[j].strip() : "";
                    });
                }));
        out.add(T.of("extract_regex", SPLIT_EXTRACT_STRING, "Extract with a pattern",
                        "Keeps the part of the text that matches a regular expression (or one of its groups); empty when no match.")
                .types(T.STRINGS)
                .params(P.column(), P.requiredText("pattern", "regular expression", "What to find, e.g. [0-9]+."),
                        P.integer("group", 0, 0, 100, "0 = the whole match, 1 = the first bracketed group, ..."), P.output())
                .apply((f, p) -> {
                    Pattern pat = regex(p.text("pattern"));
                    mapStrings(f, p, s -> {
                        Matcher m = pat.matcher(s);
                        return m.find() && p.integer("group") <= m.groupCount() && m.group(p.integer("group")) != null
                                ? m.group(p.integer("group")) : "";
                    });
                }));
        out.add(T.of("substring", SPLIT_EXTRACT_STRING, "Substring", "Keeps characters from a start position (1 = first) for a length.")
                .types(T.STRINGS)
                .params(P.column(), P.integer("start", 1, 1, Integer.MAX_VALUE, "First character to keep, 1 = first."),
                        P.integer("length", 1, 0, Integer.MAX_VALUE, "How many characters."), P.output())
                .apply((f, p) -> mapStrings(f, p, s -> {
                    int a = Math.min(s.length(), p.integer("start") - 1);
                    return s.substring(a, (int) Math.min(s.length(), (long) a + p.integer("length")));
                })));
        // ---- search and edit
        out.add(T.of("find_replace", SEARCH_EDIT, "Find and replace", "Replaces every occurrence of a text with another.")
                .types(T.STRINGS)
                .params(P.columns(), P.requiredText("find", "text", "The text to find."), P.text("replace", "", "The replacement."),
                        P.flag("ignore_case", false, "Match regardless of capitals."))
                .apply((f, p) -> {
                    Pattern pat = Pattern.compile(Pattern.quote(p.text("find")), p.flag("ignore_case") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
                    String rep = Matcher.quoteReplacement(p.text("replace"));
                    p.columns().forEach(c -> editStrings(f, c, s -> pat.matcher(s).replaceAll(rep)));
                }));
        out.add(T.of("regex_replace", SEARCH_EDIT, "Replace with a pattern",
                        "Replaces text matching a regular expression; $1, $2 in the replacement refer to groups.")
                .types(T.STRINGS)
                .params(P.columns(), P.requiredText("pattern", "regular expression", "What to find."), P.text("replace", "", "The replacement."))
                .apply((f, p) -> {
                    Pattern pat = regex(p.text("pattern"));
                    for (String c : p.columns()) {
                        editStrings(f, c, s -> {
                            try {
                                return pat.matcher(s).replaceAll(p.text("replace"));
                            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                                throw new DataException(ErrorCode.TRANSFORM_PARAMETER_INVALID, "replace", "regex_replace",
                                        p.text("replace"), "text with $1, $2 naming groups of the pattern");
                            }
                        });
                    }
                }));
        out.add(T.of("replace_values", SEARCH_EDIT, "Replace values", "Replaces whole cell values: each value in 'from' by the value at the same place in 'to'.")
                .types(T.STRINGS)
                .params(P.column(), P.requiredText("from", "values separated by commas", "Values to replace."),
                        P.requiredText("to", "values separated by commas", "Their replacements, in the same order."))
                .apply((f, p) -> {
                    List<String> from = ColumnSteps.list(p.text("from"));
                    List<String> to = ColumnSteps.list(p.text("to"));
                    if (from.size() != to.size()) {
                        throw new DataException(ErrorCode.TRANSFORM_PARAMETER_INVALID, "to", "replace_values", p.text("to"),
                                from.size() + " values, one per value in 'from'");
                    }
                    Map<String, String> map = new HashMap<>();
                    for (int i = 0; i < from.size(); i++) {
                        map.put(from.get(i), to.get(i));
                    }
                    editStrings(f, p.column(), s -> map.getOrDefault(s, s));
                }));
        out.add(T.of("set_missing", SEARCH_EDIT, "Mark values as missing",
                        "Turns placeholder values such as N/A, -, unknown or 999 into missing values.")
                .params(P.columns(), P.requiredText("values", "values separated by commas", "The placeholder values."))
                .apply((f, p) -> {
                    var values = new HashSet<>(ColumnSteps.list(p.text("values")));
                    for (String c : p.columns()) {
                        String[] s = f.strings(c);
                        int[] idx = java.util.stream.IntStream.range(0, s.length).toArray();
                        boolean any = false;
                        int missingRow = -1;
                        for (int i = 0; i < s.length; i++) {
                            if (values.contains(s[i].strip())) {
                                any = true;
                                idx[i] = -1;
                            }
                        }
                        if (!any) {
                            continue;
                        }
                        switch (f.type(c)) {
                            case NUMERIC -> {
                                double[] v = f.numbers(c);
                                for (int i = 0; i < v.length; i++) {
                                    if (idx[i] < 0) {
                                        v[i] = Double.NaN;
                                    }
                                }
                                f.putNumbers(c, v, null);
                            }
                            case CATEGORICAL, TEXT -> {
                                for (int i = 0; i < s.length; i++) {
                                    if (idx[i] < 0) {
                                        s[i] = "";
                                    }
                                }
                                f.putStrings(c, s, f.type(c), null);
                            }
                            default -> {
                                tech.tablesaw.columns.Column<?> col = f.column(c).copy();
                                for (int i = 0; i < s.length; i++) {
                                    if (idx[i] < 0) {
                                        col.setMissing(i);
                                    }
                                }
                                f.put(c, f.type(c), col, null);
                            }
                        }
                        missingRow++;
                    }
                }));
        out.add(T.of("contains_flag", SEARCH_EDIT, "Flag text containing",
                        "Adds a true/false column: whether the text contains a word or matches a pattern.")
                .types(T.STRINGS)
                .params(P.column(), P.requiredText("pattern", "text or regular expression", "What to look for."),
                        P.flag("regex", false, "Treat the pattern as a regular expression."),
                        P.flag("ignore_case", true, "Match regardless of capitals."),
                        P.output("Name of the new column; empty = <column>_contains."))
                .apply((f, p) -> {
                    int flags = p.flag("ignore_case") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
                    Pattern pat = p.flag("regex") ? regex(p.text("pattern"), flags) : Pattern.compile(Pattern.quote(p.text("pattern")), flags);
                    String[] v = f.strings(p.column());
                    Boolean[] o = new Boolean[v.length];
                    for (int i = 0; i < v.length; i++) {
                        o[i] = v[i].isEmpty() ? null : pat.matcher(v[i]).find();
                    }
                    f.putBooleans(p.output(p.column() + "_contains"), o, p.column());
                }));
        // ---- formula
        out.add(T.of("formula", CUSTOM_FORMULA, "Custom formula",
                        "Computes a column from a formula over other columns, e.g. if(income > 0, debt / income, null).")
                .params(P.requiredText("formula", "formula", "The formula; see the formula help for functions."),
                        P.requiredText("output", "new column name", "Name of the result column (an existing name is replaced)."))
                .fitted((f, p, s) -> {
                    Formula.Result r = Formula.parse(p.text("formula")).evaluate(f);
                    return State.builder().put("type", (r.type() == null ? ColumnType.NUMERIC : r.type()).name()).build();
                }, (f, p, s, ph) -> {
                    Formula.Result r = Formula.parse(p.text("formula")).evaluate(f);
                    ColumnType type = ColumnType.valueOf(s.text("type"));
                    if (r.type() != null && r.type() != type) {
                        throw new DataException(ErrorCode.FORMULA_INVALID, "in training it gave " + type.name().toLowerCase(Locale.ROOT)
                                + " values, now " + r.type().name().toLowerCase(Locale.ROOT), p.text("formula"));
                    }
                    Object[] v = r.values();
                    String name = p.text("output");
                    switch (type) {
                        case NUMERIC -> {
                            double[] o = new double[v.length];
                            for (int i = 0; i < v.length; i++) {
                                o[i] = v[i] == null ? Double.NaN : (Double) v[i];
                            }
                            f.putNumbers(name, o, null);
                        }
                        case BOOLEAN -> {
                            Boolean[] o = new Boolean[v.length];
                            for (int i = 0; i < v.length; i++) {
                                o[i] = (Boolean) v[i];
                            }
                            f.putBooleans(name, o, null);
                        }
                        case DATETIME -> {
                            java.time.LocalDateTime[] o = new java.time.LocalDateTime[v.length];
                            for (int i = 0; i < v.length; i++) {
                                o[i] = (java.time.LocalDateTime) v[i];
                            }
                            f.putDates(name, o, null);
                        }
                        default -> {
                            String[] o = new String[v.length];
                            for (int i = 0; i < v.length; i++) {
                                o[i] = v[i] == null ? "" : (String) v[i];
                            }
                            f.putStrings(name, o, ColumnType.CATEGORICAL, null);
                        }
                    }
                }));
        return out;
    }

    private static String delimiter(Params p) {
        return p.text("delimiter").isEmpty() ? "," : p.text("delimiter");
    }

    static Pattern regex(String pattern) {
        return regex(pattern, 0);
    }

    static Pattern regex(String pattern, int flags) {
        try {
            return Pattern.compile(pattern, flags);
        } catch (PatternSyntaxException e) {
            throw new DataException(ErrorCode.TRANSFORM_PARAMETER_INVALID, "pattern", "regex", pattern,
                    "a regular expression (" + e.getDescription() + " at character " + (e.getIndex() + 1) + ")");
        }
    }

    private static Transform format(String key, String name, String description, UnaryOperator<String> op) {
        return T.of(key, FORMAT_STRING, name, description).types(T.STRINGS).params(P.columns())
                .apply((f, p) -> p.columns().forEach(c -> editStrings(f, c, op)));
    }

    /// Edits every non-empty cell of a text column in place.
    static void editStrings(Frame f, String c, UnaryOperator<String> op) {
        String[] v = f.strings(c);
        for (int i = 0; i < v.length; i++) {
            if (!v[i].isEmpty()) {
                v[i] = op.apply(v[i]);
            }
        }
        f.putStrings(c, v, f.type(c), null);
    }

    /// Maps `column` into `output` (or in place).
    private static void mapStrings(Frame f, Params p, UnaryOperator<String> op) {
        String[] v = f.strings(p.column());
        for (int i = 0; i < v.length; i++) {
            if (!v[i].isEmpty()) {
                v[i] = op.apply(v[i]);
            }
        }
        String out = p.output(p.column());
        ColumnType type = out.equals(p.column()) ? f.type(p.column()) : ColumnType.CATEGORICAL;
        f.putStrings(out, v, type, p.column());
    }

    static String titleCase(String s) {
        var sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            sb.append(start ? Character.toTitleCase(ch) : Character.toLowerCase(ch));
            start = !Character.isLetterOrDigit(ch) && ch != '\'';
        }
        return sb.toString();
    }

    static List<String> tokens(String s) {
        var out = new ArrayList<String>();
        Matcher m = TOKEN.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Map<String, Integer> documentFrequency(String[] v) {
        var df = new HashMap<String, Integer>();
        for (String s : v) {
            for (String t : new HashSet<>(tokens(s))) {
                df.merge(t, 1, Integer::sum);
            }
        }
        return df;
    }

    /// The most frequent words (by rows containing them; ties alphabetical), sorted alphabetically.
    private static List<String> vocabulary(Map<String, Integer> df, int max, int minRows) {
        return df.entrySet().stream().filter(e -> e.getValue() >= minRows)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max).map(Map.Entry::getKey).sorted().toList();
    }

    private static void vectorize(Frame f, String c, String label, List<String> vocab, double[] idf, boolean binary) {
        String[] v = f.strings(c);
        var index = EncodeSteps.index(vocab);
        double[][] o = new double[vocab.size()][v.length];
        for (int i = 0; i < v.length; i++) {
            for (String t : tokens(v[i])) {
                Integer k = index.get(t);
                if (k != null) {
                    o[k][i] = binary ? 1 : o[k][i] + 1;
                }
            }
            if (idf != null) {
                double norm = 0;
                for (int k = 0; k < o.length; k++) {
                    o[k][i] *= idf[k];
                    norm += o[k][i] * o[k][i];
                }
                norm = Math.sqrt(norm);
                if (norm > 0) {
                    for (double[] col : o) {
                        col[i] /= norm;
                    }
                }
            }
        }
        String after = c;
        for (int k = 0; k < vocab.size(); k++) {
            String name = c + "_" + label + "_" + vocab.get(k);
            f.putNumbers(name, o[k], after);
            after = name;
        }
    }
}
