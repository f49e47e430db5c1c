package kubelab.api.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import kubelab.api.resource.Quantity.Format;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("chapter1")
class QuantityTest {

    // Expectations taken from Kubernetes' quantity_test.go (TestQuantityString's alternates,
    // TestQuantityParseEmit, TestQuantityParse), plus the amounts used in the documentation.
    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("every spelling prints in the canonical form Kubernetes serialises")
    @CsvSource(delimiter = '|', value = {
        "1.5Gi|1536Mi", "1024Ki|1Mi", "1024Mi|1Gi", "307200Ki|300Mi", "1025024Mi|1001Gi", "1024Gi|1Ti",
        "6Ki|6Ki", "1025|1025", "1025Ki|1025Ki", "0.5Mi|512Ki",
        "1000m|1", "5000m|5", "1.0|1", "0.5|500m", "0.1|100m", "100m|100m", "1.08|1080m", "9.01|9010m",
        "1080000000n|1080m", "1000u|1m", "0.1m|100u", "1000M|1G", "0.001T|1G", "8.1k|8100", "100.035k|100035",
        "10.035M|10035k", "5.444T|5444G", "2.5P|2500T", "12E|12E", "300T|300T", ".0001k|100m", "0.0005k|500m",
        "1000E|1e21", "5000E|5e21", "1000000E|1e24",
        "2e3|2e3", "1E-3|1e-3", "1e3|1e3", ".001e12|1e9", "0.001e0|1e-3", "1000e-12|1e-9", "0.5e0|500e-3",
        "1.2e3|1200", "1.3E+6|1300e3", "1.40e9|1400e6", "1.53E12|1530e9", "80e-3|80e-3",
        "0|0", "00|0", "0Ki|0", "-0|0", "1.|1", "1.G|1G",
        "128Mi|128Mi", "256Mi|256Mi", "512Mi|512Mi", "10Mi|10Mi", "1Gi|1Gi", "3Gi|3Gi", "10Gi|10Gi",
        "500m|500m", "1|1", "2|2", "+1|1", "-2|-2", "-1.5Gi|-1536Mi", "-0.5|-500m",
    })
    void canonicalForm(String input, String canonical) {
        assertThat(Quantity.parse(input)).hasToString(canonical);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("nano is the finest unit: anything finer rounds away from zero to the next nano")
    @CsvSource(delimiter = '|', value = {
        "0.1n|1n", "0.9n|1n", "3.001n|4n", "1.1E-9|2e-9", "0.5e-9|1e-9", "0.0000000001|1n",
        "0.00000012345|124n", "0.00000012354|124n", "-0.1n|-1n", "0.000000000001Ki|2n",
    })
    void roundsUpToNano(String input, String canonical) {
        assertThat(Quantity.parse(input)).hasToString(canonical);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @DisplayName("a binary quantity that is below 1Ki or not a whole number prints as decimal SI")
    @CsvSource(delimiter = '|', value = {
        "0.5Ki|512", ".001Ki|1024m", ".000001Ki|1024u", ".000000001Ki|1024n", "1.1Ki|1126400m",
        "100.035Ki|102435840m", "0.05Gi|53687091200m", "1023|1023",
    })
    void binaryFallsBackToDecimal(String input, String canonical) {
        Quantity q = Quantity.parse(input);
        assertThat(q).hasToString(canonical);
    }

    @ParameterizedTest(name = "{0} has format {1}")
    @DisplayName("the suffix family is remembered from the text")
    @CsvSource(delimiter = '|', value = {
        "1Ki|BinarySI", "0Mi|BinarySI", "0.5Ki|BinarySI", "500m|DecimalSI", "1|DecimalSI", "1E|DecimalSI",
        "1e3|DecimalExponent", "1E-3|DecimalExponent", "0.000000000001Ki|DecimalSI",
    })
    void formatIsRemembered(String input, Format format) {
        assertThat(Quantity.parse(input).format()).isEqualTo(format);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @DisplayName("text not shaped like a quantity is rejected with Kubernetes' regular-expression message")
    @ValueSource(strings = {"", "1.5.5", "12Gb", " 1", "1 ", "1.1.M", "1+1.0M", "0.1am", "aoeu", "1 Gi", "1,5"})
    void rejectsMalformed(String input) {
        assertThatThrownBy(() -> Quantity.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @DisplayName("a well-shaped but unknown suffix is rejected with Kubernetes' suffix message")
    @ValueSource(strings = {"1kk", "1K", "1i", ".5i", "0.1mi", "-3.01e-", "1e", "1Mi5"})
    void rejectsUnknownSuffix(String input) {
        assertThatThrownBy(() -> Quantity.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unable to parse quantity's suffix");
    }

    @ParameterizedTest(name = "\"{0}\" is zero")
    @DisplayName("a missing number reads as zero, a quirk of Kubernetes' scanner")
    @ValueSource(strings = {"Mi", "m", ".", "+", "-."})
    void bareSuffixIsZero(String input) {
        assertThat(Quantity.parse(input).isZero()).isTrue();
    }

    @Test
    @DisplayName("a binary quantity is capped at 2^63-1, as Kubernetes caps it")
    void binaryIsCapped() {
        assertThat(Quantity.parse("9Ei").asBigDecimal()).isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE));
        assertThat(Quantity.parse("-9Ei").asBigDecimal()).isEqualByComparingTo(BigDecimal.valueOf(-Long.MAX_VALUE));
        assertThat(Quantity.parse("12E")).hasToString("12E"); // decimal quantities are not capped
    }

    @Test
    @DisplayName("quantities are equal by value whatever their spelling")
    void equalByValue() {
        assertThat(Quantity.parse("1000m")).isEqualTo(Quantity.parse("1")).hasSameHashCodeAs(Quantity.parse("1"));
        assertThat(Quantity.parse("1Ki")).isEqualTo(Quantity.parse("1024")).hasSameHashCodeAs(Quantity.parse("1.024k"));
        assertThat(Quantity.parse("0")).isEqualTo(Quantity.parse("0Gi")).isEqualTo(Quantity.ZERO);
        assertThat(Quantity.parse("1")).isNotEqualTo(Quantity.parse("1001m"));
    }

    @Test
    @DisplayName("comparison is by value across formats")
    void compares() {
        assertThat(Quantity.parse("10000T")).isGreaterThan(Quantity.parse("100Gi"));
        assertThat(Quantity.parse("50m")).isLessThan(Quantity.parse("100m"));
        assertThat(Quantity.parse("1Mi")).isEqualByComparingTo(Quantity.parse("1048576"));
        assertThat(Quantity.parse("-1").signum()).isEqualTo(-1);
    }

    @Test
    @DisplayName("addition and subtraction are exact, and a zero takes the other side's format")
    void addsExactly() {
        Quantity third = Quantity.parse("0.1");
        assertThat(third.add(third).add(third)).isEqualTo(Quantity.parse("300m")).hasToString("300m");
        assertThat(Quantity.parse("1Gi").subtract(Quantity.parse("512Mi"))).hasToString("512Mi");
        assertThat(Quantity.cpu(100).add(Quantity.parse("1"))).hasToString("1100m");
        assertThat(Quantity.ZERO.add(Quantity.parse("1Gi"))).hasToString("1Gi");
        assertThat(Quantity.parse("1Gi").add(Quantity.ZERO)).hasToString("1Gi");
        assertThat(Quantity.ZERO.add(Quantity.parse("100m"))).hasToString("100m");
        assertThat(Quantity.ZERO.subtract(Quantity.parse("100m"))).hasToString("-100m");
    }

    @Test
    @DisplayName("negation and multiplication keep the format")
    void negatesAndMultiplies() {
        assertThat(Quantity.parse("9.01").negate()).hasToString("-9010m");
        assertThat(Quantity.parse("250m").multiply(4)).hasToString("1");
        assertThat(Quantity.parse("128Mi").multiply(8)).hasToString("1Gi");
        assertThat(Quantity.parse("1Gi").negate().format()).isEqualTo(Format.BinarySI);
    }

    @ParameterizedTest(name = "{0}: value {1}, milliValue {2}")
    @DisplayName("value and milliValue round away from zero, like Kubernetes' Value and MilliValue")
    @CsvSource(delimiter = '|', value = {
        "1|1|1000", "1500m|2|1500", "1n|1|1", "1.5|2|1500", "1Ki|1024|1024000", "0|0|0", "-1.5|-2|-1500",
        "-1n|-1|-1", "100m|1|100", "1e30|9223372036854775807|9223372036854775807",
    })
    void scaledValues(String input, long value, long milli) {
        Quantity q = Quantity.parse(input);
        assertThat(q.value()).isEqualTo(value);
        assertThat(q.milliValue()).isEqualTo(milli);
    }

    @Test
    @DisplayName("factories build quantities as Kubernetes' NewQuantity and NewMilliQuantity do")
    void factories() {
        assertThat(Quantity.bytes(134217728)).hasToString("128Mi");
        assertThat(Quantity.cpu(500)).hasToString("500m");
        assertThat(Quantity.cpu(2000)).hasToString("2");
        assertThat(Quantity.milli(1234000, Format.DecimalSI)).hasToString("1234");
        assertThat(Quantity.milli(1024, Format.BinarySI)).hasToString("1024m");
        assertThat(Quantity.milli(1024 * 1024, Format.BinarySI)).hasToString("1048576m");
        assertThat(Quantity.of(1000, Format.DecimalSI)).hasToString("1k");
        assertThat(Quantity.of(1024, Format.BinarySI)).hasToString("1Ki");
        assertThat(Quantity.of(1000000, Format.DecimalExponent)).hasToString("1e6");
        assertThat(Quantity.of("500m")).isEqualTo(Quantity.parse("500m"));
    }

    record Resources(Quantity cpu) {
    }

    @Test
    @DisplayName("JSON carries a quantity as a string in canonical form")
    void serialisesAsString() {
        assertThat(Json.toJson(new Resources(Quantity.parse("1.5Gi")))).isEqualTo("{\"cpu\":\"1536Mi\"}");
        assertThat(Json.toYaml(new Resources(Quantity.parse("0.5")))).isEqualTo("cpu: 500m\n");
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @DisplayName("JSON and YAML accept a quantity as a string or as a bare number, as Kubernetes does")
    @CsvSource(delimiter = '|', value = {
        "{\"cpu\":\"500m\"}|500m", "{\"cpu\":1}|1", "{\"cpu\":0.5}|500m", "{\"cpu\":1e3}|1e3", "{\"cpu\":-2}|-2",
        "cpu: 1|1", "cpu: 0.5|500m", "cpu: '250m'|250m", "cpu: 12345678901234567890|12345678901234567890",
    })
    void readsStringsAndNumbers(String document, String canonical) throws Exception {
        var mapper = document.startsWith("{") ? Json.mapper() : Json.yamlMapper();
        assertThat(mapper.readValue(document, Resources.class).cpu()).hasToString(canonical);
    }
}
