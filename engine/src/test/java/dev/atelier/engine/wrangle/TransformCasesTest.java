package dev.atelier.engine.wrangle;

import dev.atelier.engine.data.Dataset;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.atelier.engine.wrangle.Fixtures.NA;
import static dev.atelier.engine.wrangle.Fixtures.base;
import static dev.atelier.engine.wrangle.Fixtures.col;
import static dev.atelier.engine.wrangle.Fixtures.counts;
import static dev.atelier.engine.wrangle.Fixtures.names;
import static dev.atelier.engine.wrangle.Fixtures.p;
import static dev.atelier.engine.wrangle.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

/// One table-driven case per transform (some have more): the step is fitted on a small dataset and the output
/// cells are compared with values worked out by hand (or, for Box-Cox and Yeo-Johnson, with SciPy).
class TransformCasesTest {

    /// Transforms whose behaviour is random or needs a property check; tested in [TransformSpecialTest].
    static final Set<String> SPECIAL = Set.of("sample_rows", "oversample_random", "undersample_random", "smote",
            "split_random", "split_stratified", "split_by_key");

    record Case(String key, Dataset data, Map<String, Object> params, Sources sources, List<String[]> expect) {
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void c(String key, Map<String, Object> params, String... expect) {
        c(key, base(), params, expect);
    }

    private static void c(String key, Dataset data, Map<String, Object> params, String... expect) {
        var pairs = new ArrayList<String[]>();
        for (int i = 0; i < expect.length; i += 2) {
            pairs.add(new String[]{expect[i], expect[i + 1]});
        }
        CASES.add(new Case(key, data, params, SOURCES, pairs));
    }

    static final Sources SOURCES = Sources.of(Map.of(
            "regions", Dataset.builder("regions").categorical("c", "a", "b", "z")
                    .categorical("region", "North", "South", "East").build(),
            "more", Dataset.builder("more").numeric("x", 7).categorical("c", "q").build(),
            "holidays", Dataset.builder("holidays").categorical("c", "a")
                    .dateTime("when", LocalDateTime.of(2024, 2, 29, 12, 30)).build()));

    static final String ALL = "x,y,z,c,t,d,label,flag";

    static {
        // manage columns
        c("drop_columns", p("columns", "x,y"), "__columns", "z,c,t,d,label,flag");
        c("keep_columns", p("columns", List.of("y", "x")), "__columns", "y,x");
        c("duplicate_column", p("column", "x", "output", "x2"), "x2", "1|2|3|4|10", "__columns", "x,x2,y,z,c,t,d,label,flag");
        c("rename_column", p("column", "x", "new_name", "w"), "w", "1|2|3|4|10", "__columns", "w,y,z,c,t,d,label,flag");
        c("move_column", p("column", "label", "position", 1), "__columns", "label,x,y,z,c,t,d,flag");
        c("set_role", p("column", "c", "role", "id"), "__role:c", "ID", "__role:label", "TARGET");
        c("add_index", p(), "row_number", "1|2|3|4|5", "__role:row_number", "ID");
        c("constant_column", p("output", "k", "value", "7"), "k", "7|7|7|7|7", "__type:k", "NUMERIC");
        // convert types
        c("change_type", p("column", "x", "to", "categorical"), "x", "1|2|3|4|10", "__type:x", "CATEGORICAL");
        Dataset money = Dataset.builder("m").text("s", "$1,200", "45%", "(3)", "abc", null)
                .text("when", "31/01/2024", "01/02/2024 ", "bad", null, "32/01/2024").build();
        c("parse_number", money, p("column", "s"), "s", "1200|45|-3||", "__type:s", "NUMERIC");
        c("parse_date", money, p("column", "when", "format", "dd/MM/yyyy", "output", "w"),
                "w", "2024-01-31|2024-02-01|||", "__type:w", "DATETIME");
        c("format_date", p("column", "d", "format", "yyyy-MM"), "d", "2024-01|2024-01|2024-02||2024-12");
        c("to_boolean", p("column", "c", "true_values", "a"), "c", "true|false|true||false", "__type:c", "BOOLEAN");
        // manage rows
        c("filter_formula", p("formula", "x >= 2 and x < 10"), "x", "2|3|4");
        c("filter_value", p("column", "c", "operator", "equals", "value", "a"), "x", "1|3");
        c("filter_value", p("column", "y", "operator", "greater", "value", "5"), "x", "3|4|10");
        c("sort_rows", p("columns", "y", "descending", true), "x", "10|4|3|1|2");
        c("drop_duplicates", p("columns", "c"), "x", "1|2|4|10");
        c("head_rows", p("count", 2), "x", "1|2");
        // missing values
        c("drop_missing", p("columns", "y,c"), "x", "1|3|10");
        c("fill_constant", p("columns", "y", "value", "0"), "y", "2|0|6|8|10");
        c("fill_constant", p("columns", "c", "value", "none"), "c", "a|b|a|none|c");
        c("fill_mean", p("columns", "y"), "y", "2|6.5|6|8|10");
        c("fill_median", p("columns", "y"), "y", "2|7|6|8|10");
        c("fill_mode", p("columns", "c"), "c", "a|b|a|a|c");
        c("fill_forward", p("columns", "y,d"), "y", "2|2|6|8|10",
                "d", "2024-01-01|2024-01-06|2024-02-29 12:30|2024-02-29 12:30|2024-12-31");
        c("fill_backward", p("columns", "y"), "y", "2|6|6|8|10");
        c("fill_interpolate", p("columns", "y"), "y", "2|4|6|8|10");
        c("impute_model", p("column", "y", "predictors", "x"), "y", "2|4.5556|6|8|10");
        c("missing_indicator", p("columns", "y"), "y_missing", "false|true|false|false|false");
        c("drop_sparse_columns", p("threshold", 0.1), "__columns", "x,label");
        // outliers
        c("clip_stddev", p("columns", "x", "k", 1), "x", "1|2|3|4|7.5355");
        c("clip_robust", p("columns", "x", "k", 1), "x", "1.5174|2|3|4|4.4826");
        c("clip_quantile", p("columns", "x", "lower", 0.25, "upper", 0.75), "x", "2|2|3|4|4");
        c("clip_minmax", p("columns", "x", "min", 2, "max", 3), "x", "2|2|3|3|3");
        c("replace_rare", p("column", "c", "min_share", 0.3), "c", "a|Other|a||Other");
        c("remove_outliers", p("column", "x", "k", 1.5), "x", "1|2|3|4");
        c("flag_outliers", p("column", "x"), "x_outlier", "false|false|false|false|true");
        // scaling
        c("scale_standard", p("columns", "x"), "x", "-0.8485|-0.5657|-0.2828|0|1.6971");
        c("scale_robust", p("columns", "x"), "x", "-1|-0.5|0|0.5|3.5");
        c("scale_maxabs", p("columns", "z"), "z", "-0.5|0|0.8333|-1|");
        c("center_mean", p("columns", "x"), "x", "-3|-2|-1|0|6");
        c("scale_minmax", p("columns", "x"), "x", "0|0.1111|0.2222|0.3333|1");
        c("normalize_rows", p("columns", "x,y"), "x", "0.4472|1|0.4472|0.4472|0.7071", "y", "0.8944||0.8944|0.8944|0.7071");
        // math
        c("log", p("column", "x"), "x", "0|0.6931|1.0986|1.3863|2.3026");
        c("log", p("column", "z", "output", "lz"), "lz", "||0.9163||", "z", "-1.5|0|2.5|-3|");
        c("log1p", p("column", "x"), "x", "0.6931|1.0986|1.3863|1.6094|2.3979");
        c("log10", p("column", "x"), "x", "0|0.301|0.4771|0.6021|1");
        c("sqrt", p("column", "x"), "x", "1|1.4142|1.7321|2|3.1623");
        c("square", p("column", "z"), "z", "2.25|0|6.25|9|");
        c("exp", p("column", "x"), "x", "2.7183|7.3891|20.0855|54.5982|22026.4658");
        c("reciprocal", p("column", "z"), "z", "-0.6667||0.4|-0.3333|");
        c("abs", p("column", "z"), "z", "1.5|0|2.5|3|");
        c("floor", p("column", "z"), "z", "-2|0|2|-3|");
        c("ceil", p("column", "z"), "z", "-1|0|3|-3|");
        c("round", p("column", "z"), "z", "-2|0|3|-3|");
        // power transforms
        c("power", p("column", "x", "exponent", 2, "output", "x2"), "x2", "1|4|9|16|100");
        c("box_cox", p("column", "x"), "x", "0|0.6649|1.0289|1.2765|2.0103");
        c("yeo_johnson", p("column", "z"), "z", "-1.6531|0|2.1836|-3.5099|");
        c("quantile_uniform", p("column", "x", "quantiles", 5), "x", "0|0.25|0.5|0.75|1");
        c("quantile_normal", p("column", "x", "quantiles", 5), "x", "-5.1993|-0.6745|0|0.6745|5.1993");
        // binning
        c("bin_width", p("column", "x", "bins", 3), "x", "[1, 4)|[1, 4)|[1, 4)|[4, 7)|[7, 10]");
        c("bin_frequency", p("column", "x", "bins", 2, "labels", "index"), "x", "0|0|1|1|1");
        c("bin_custom", p("column", "x", "edges", "2,4", "output", "b"), "b", "< 2|[2, 4)|[2, 4)|>= 4|>= 4");
        c("binarize", p("column", "x", "threshold", 3), "x", "false|false|false|true|true");
        // combine numbers
        c("math_columns", p("column", "x", "other", "y", "operation", "divide", "output", "r"), "r", "0.5||0.5|0.5|1");
        c("row_stat", p("columns", "x,y", "statistic", "sum", "output", "s"), "s", "3|2|9|12|20");
        // encode
        c("one_hot", p("column", "c"), "c_a", "1|0|1|0|0", "c_b", "0|1|0|0|0", "c_c", "0|0|0|0|1",
                "__columns", "x,y,z,c_a,c_b,c_c,t,d,label,flag");
        c("ordinal", p("column", "c"), "c", "0|1|0||2");
        c("target_encode", p("column", "c", "smoothing", 1), "c", "0.8667|0.3|0.8667|0.6|0.8");
        c("frequency_encode", p("column", "c"), "c", "0.4|0.2|0.4||0.2");
        c("count_encode", p("column", "c"), "c", "2|1|2||1");
        c("hash_encode", p("column", "c", "buckets", 4), "c_hash_0", "1|0|1|0|0", "c_hash_1", "0|1|0|0|0",
                "c_hash_2", "0|0|0|0|1", "c_hash_3", "0|0|0|0|0");
        Dataset cities = Dataset.builder("cities").categorical("city", "Paris", "Paris", "Pariss", "London").build();
        c("similarity_encode", cities, p("column", "city", "max_categories", 1), "city_sim_Paris", "1|1|0.5714|0");
        c("binary_encode", p("column", "c"), "c_bit_1", "0|1|0|0|1", "c_bit_0", "1|0|1|0|1");
        // dates
        c("date_parts", p("column", "d", "parts", "year,month,dayofyear,hour,quarter"), "d_year", "2024|2024|2024||2024",
                "d_month", "1|1|2||12", "d_dayofyear", "1|6|60||366", "d_hour", "0|0|12||0", "d_quarter", "1|1|1||4");
        c("weekday", p("column", "d"), "d_weekday", "1|6|4||2");
        c("is_weekend", p("column", "d"), "d_weekend", "false|true|false||false");
        c("cyclical", p("column", "d", "unit", "month"), "d_month_sin", "0|0|0.5||-0.5", "d_month_cos", "1|1|0.866||0.866");
        c("elapsed", p("column", "d"), "d_elapsed", "0|5|59.5208||365");
        Dataset two = Dataset.builder("two").dateTime("a", LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 3, 1, 0, 0))
                .dateTime("b", LocalDateTime.of(2024, 1, 11, 0, 0), LocalDateTime.of(2024, 2, 29, 0, 0)).build();
        c("date_diff", two, p("column", "a", "other", "b", "output", "gap"), "gap", "10|-1");
        c("truncate_date", p("column", "d", "unit", "month"), "d", "2024-01-01|2024-01-01|2024-02-01||2024-12-01");
        // text features
        c("char_stats", p("column", "t"), "t_length", "11|14|7|0|6", "t_letters", "10|9|3|0|5", "t_digits", "0|0|3|0|0",
                "t_uppercase", "1|0|3|0|0", "t_spaces", "1|5|0|0|1", "t_punctuation", "0|0|1|0|0");
        c("word_count", p("column", "t"), "t_words", "2|2|2|0|2");
        Dataset docs = Dataset.builder("docs").text("doc", "a b", "a c", "a").build();
        c("tfidf", docs, p("column", "doc", "max_features", 2), "doc_tfidf_a", "0.5085|1|1", "doc_tfidf_b", "0.861|0|0",
                "__columns", "doc,doc_tfidf_a,doc_tfidf_b");
        c("count_vector", docs, p("column", "doc", "max_features", 2), "doc_count_a", "1|1|1", "doc_count_b", "1|0|0");
        // format text
        c("lowercase", p("columns", "t"), "t", "hello world|  two  spaces |abc-123||é café");
        c("uppercase", p("columns", "t"), "t", "HELLO WORLD|  TWO  SPACES |ABC-123||É CAFÉ");
        c("title_case", p("columns", "t"), "t", "Hello World|  Two  Spaces |Abc-123||É Café");
        c("trim", p("columns", "t"), "t", "Hello world|two  spaces|ABC-123||é café");
        c("normalize_whitespace", p("columns", "t"), "t", "Hello world|two spaces|ABC-123||é café");
        c("remove_symbols", p("columns", "t"), "t", "Hello world|  two  spaces |ABC123||é café");
        c("strip_accents", p("columns", "t"), "t", "Hello world|  two  spaces |ABC-123||e cafe");
        c("pad", p("columns", "c", "width", 3), "c", "00a|00b|00a||00c");
        c("add_affix", p("columns", "c", "prefix", "<", "suffix", ">"), "c", "<a>|<b>|<a>||<c>");
        // split and extract
        c("split_text", p("column", "t", "delimiter", " "), "t_1", "Hello||ABC-123||é", "t_2", "world|two  spaces|||café");
        c("split_take", p("column", "t", "delimiter", "-", "index", -1, "output", "last"), "last",
                "Hello world|two  spaces|123||é café");
        c("extract_regex", p("column", "t", "pattern", "[0-9]+", "output", "n"), "n", "||123||");
        c("extract_regex", p("column", "t", "pattern", "([A-Z]+)-", "group", 1), "t", "||ABC||");
        c("substring", p("column", "t", "start", 1, "length", 3), "t", "Hel|  t|ABC||é c");
        // search and edit
        c("find_replace", p("columns", "t", "find", "o", "replace", "0"), "t", "Hell0 w0rld|  tw0  spaces |ABC-123||é café");
        c("regex_replace", p("columns", "t", "pattern", "([A-Z]+)-([0-9]+)", "replace", "$2$1"), "t",
                "Hello world|  two  spaces |123ABC||é café");
        c("replace_values", p("column", "c", "from", "a,b", "to", "A,B"), "c", "A|B|A||c");
        c("set_missing", p("columns", "x,c", "values", "10,b"), "x", "1|2|3|4|", "c", "a||a||c");
        c("contains_flag", p("column", "t", "pattern", "WORLD"), "t_contains", "true|false|false||false");
        // formula
        c("formula", p("formula", "if(x > 2, x * 2, -x) + 1", "output", "f"), "f", "0|-1|7|9|21");
        c("formula", p("formula", "upper(left(c, 1)) + '-' + text(x)", "output", "code"), "code", "A-1|B-2|A-3||C-10");
        c("formula", p("formula", "year(d) * 100 + month(d)", "output", "ym"), "ym", "202401|202401|202402||202412");
        // join and concatenate
        c("join_inner", p("source", "regions", "column", "c"), "x", "1|2|3", "region", "North|South|North");
        c("join_left", p("source", "regions", "column", "c"), "x", "1|2|3|4|10", "region", "North|South|North||");
        c("join_right", p("source", "regions", "column", "c"), "x", "1|2|3|", "c", "a|b|a|z", "region", "North|South|North|East");
        c("join_full", p("source", "regions", "column", "c"), "x", "1|2|3|4|10|", "c", "a|b|a||c|z",
                "region", "North|South|North|||East");
        c("join_left", p("source", "holidays", "column", "c"), "when", "2024-02-29 12:30||2024-02-29 12:30||");
        c("concat_rows", p("source", "more"), "x", "1|2|3|4|10|7", "c", "a|b|a||c|q", "y", "2||6|8|10|");
        c("concat_text", p("columns", "c,x", "separator", "-", "output", "ct"), "ct", "a-1|b-2|a-3|4|c-10");
        // group by
        c("group_aggregate", p("by", "c", "columns", "x", "statistic", "sum"), "__columns", "c,x_sum", "c", "a|b||c",
                "x_sum", "4|2|4|10");
        c("group_stat", p("by", "c", "column", "x"), "x_mean_by_c", "2|2|2|4|10");
        c("group_count", p("by", "c"), "c_count", "2|1|2|1|1");
        // reduce dimensions and select features
        Dataset line = Dataset.builder("line").numeric("u", 1, 2, 3).numeric("v", 2, 4, 6).numeric("k", 5, 5, 5).build();
        c("pca", line, p("columns", "u,v", "components", 1, "standardize", false), "pca_1", "-2.2361|0|2.2361",
                "__columns", "pca_1,k");
        c("drop_constant", line, p(), "__columns", "u,v");
        c("drop_low_variance", p("threshold", 6), "__columns", "x,y,c,t,d,label,flag");
        c("drop_correlated", p("threshold", 0.85), "__columns", "x,z,c,t,d,label,flag");
        c("drop_high_cardinality", p("max_share", 0.7), "__columns", "x,y,z,c,d,label,flag");
        // time series
        c("lag", p("column", "x"), "x_lag_1", "|1|2|3|4");
        c("lag", p("column", "x", "by", "c"), "x_lag_1", "||1||");
        c("lead", p("column", "x", "periods", 2), "x_lead_2", "3|4|10||");
        c("difference", p("column", "x"), "x_difference_1", "|1|1|1|6");
        c("pct_change", p("column", "x"), "x_pct_change_1", "|1|0.5|0.3333|1.5");
        c("rolling", p("column", "x", "window", 2, "statistic", "sum"), "x_rolling_sum_2", "1|3|5|7|14");
        c("cumulative", p("column", "x", "statistic", "mean"), "x_cum_mean", "1|1.5|2|2.5|4");
        c("resample", p("time", "d", "columns", "x", "unit", "month", "statistic", "sum"),
                "d", "2024-01-01|2024-02-01|2024-12-01|", "x_sum", "3|3|10|4");
        Dataset gaps = Dataset.builder("gaps").dateTime("day", LocalDateTime.of(2024, 1, 1, 0, 0),
                LocalDateTime.of(2024, 1, 4, 0, 0), LocalDateTime.of(2024, 1, 2, 0, 0)).numeric("v", 1, 4, 2).build();
        c("fill_gaps", gaps, p("time", "day"), "day", "2024-01-01|2024-01-02|2024-01-03|2024-01-04", "v", "1|2||4");
        // split
        c("split_ordered", p("test_share", 0.4), "split", "train|train|train|test|test", "__role:split", "IGNORED");
        c("split_ordered", p("test_share", 0.4, "keep", "test"), "x", "4|10");
    }

    @TestFactory
    Stream<DynamicTest> everyCase() {
        return CASES.stream().map(k -> DynamicTest.dynamicTest(k.key + " " + k.params, () -> {
            Dataset out = run(k.data, k.key, k.params, k.sources);
            for (String[] e : k.expect) {
                assertThat(actual(out, e[0])).as(k.key + " → " + e[0]).isEqualTo(e[1]);
            }
        }));
    }

    static String actual(Dataset out, String selector) {
        if (selector.equals("__columns")) {
            return names(out);
        }
        if (selector.equals("__rows")) {
            return String.valueOf(out.rowCount());
        }
        if (selector.startsWith("__count:")) {
            return counts(out, selector.substring(8));
        }
        if (selector.startsWith("__role:")) {
            return out.schema().column(selector.substring(7)).role().name();
        }
        if (selector.startsWith("__type:")) {
            return out.schema().column(selector.substring(7)).type().name();
        }
        return col(out, selector);
    }

    @Test
    void everyTransformHasACase() {
        var covered = new HashSet<String>(SPECIAL);
        CASES.forEach(k -> covered.add(k.key));
        var keys = TransformRegistry.all().stream().map(TransformInfo::key).toList();
        assertThat(covered).containsAll(keys);
        assertThat(keys).hasSizeGreaterThanOrEqualTo(120);
        assertThat(TransformRegistry.all().stream().map(TransformInfo::family).distinct().count()).isGreaterThanOrEqualTo(25);
    }

    static double na() {
        return NA;
    }
}
