package dev.atelier.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.engine.error.ErrorCode;
import dev.atelier.engine.error.SpecException;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {
    private final Dataset data = Dataset.builder("t")
            .text("id", "001", "002", "003")
            .numeric("x", 1.5, Double.NaN, 3)
            .categorical("c", "a", null, "b")
            .bool("flag", true, false, null)
            .dateTime("when", LocalDateTime.of(2024, 1, 2, 0, 0), null, LocalDateTime.of(2024, 1, 2, 13, 5))
            .target("c")
            .build();

    @Test
    void choosingANewTargetDemotesTheOldOne() {
        Schema s = data.schema().withTarget("x");
        assertThat(s.target()).map(ColumnSchema::name).contains("x");
        assertThat(s.column("c").role()).isEqualTo(ColumnRole.FEATURE);
    }

    @Test
    void settingTargetRoleThroughWithRoleAlsoDemotes() {
        Schema s = data.schema().withRole("flag", ColumnRole.TARGET);
        assertThat(s.withRole(ColumnRole.TARGET)).extracting(ColumnSchema::name).containsExactly("flag");
    }

    @Test
    void unknownColumnIsATypedError() {
        assertThatThrownBy(() -> data.schema().withTarget("nope"))
                .isInstanceOfSatisfying(SpecException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
                    assertThat(e.args()).containsExactly("nope");
                });
    }

    @Test
    void duplicateNamesAndTwoTargetsAreRejected() {
        assertThatThrownBy(() -> new Schema(List.of(ColumnSchema.feature("a", ColumnType.NUMERIC),
                ColumnSchema.feature("a", ColumnType.TEXT)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schema(List.of(
                new ColumnSchema("a", ColumnType.NUMERIC, ColumnRole.TARGET),
                new ColumnSchema("b", ColumnType.NUMERIC, ColumnRole.TARGET)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cellsReadBackWithTheirTypesAndMissingness() {
        assertThat(data.rowCount()).isEqualTo(3);
        assertThat(data.text(0, 0)).isEqualTo("001");
        assertThat(data.number(0, 1)).isEqualTo(1.5);
        assertThat(data.text(2, 1)).isEqualTo("3");
        assertThat(data.isMissing(1, 1)).isTrue();
        assertThat(data.isMissing(1, 2)).isTrue();
        assertThat(data.value(1, 2)).isNull();
        assertThat(data.number(0, 3)).isEqualTo(1.0);
        assertThat(data.isMissing(2, 3)).isTrue();
        assertThat(data.text(0, 4)).isEqualTo("2024-01-02");
        assertThat(data.text(2, 4)).isEqualTo("2024-01-02 13:05");
        assertThat(data.missingCount(4)).isEqualTo(1);
    }

    @Test
    void datasetsAreImmutableThroughTheirTableView() {
        data.table().dropRows(0);
        assertThat(data.rowCount()).isEqualTo(3);
    }

    @Test
    void rowSelectionAndHeadKeepTheSchema() {
        assertThat(data.rows(new int[] {2, 2}).text(1, 0)).isEqualTo("003");
        assertThat(data.head(10).rowCount()).isEqualTo(3);
        assertThat(data.head(1).schema()).isEqualTo(data.schema());
    }

    @Test
    void withSchemaRefusesTypeChanges() {
        Schema changed = data.schema().with(data.schema().column("x").withType(ColumnType.TEXT));
        assertThatThrownBy(() -> data.withSchema(changed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersFormatWithoutNeedlessDecimals() {
        assertThat(Dataset.formatNumber(3.0)).isEqualTo("3");
        assertThat(Dataset.formatNumber(-0.25)).isEqualTo("-0.25");
        assertThat(Dataset.formatNumber(Double.NaN)).isEmpty();
        assertThat(Dataset.formatNumber(1e20)).isEqualTo("1.0E20");
    }
}
