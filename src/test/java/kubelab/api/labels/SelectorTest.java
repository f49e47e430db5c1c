package kubelab.api.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kubelab.api.meta.LabelSelector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("chapter1")
class SelectorTest {

    /** "a=1,b=2" as a label map; "-" for no labels. */
    private static Map<String, String> labels(String spec) {
        Map<String, String> m = new HashMap<>();
        if (!spec.equals("-")) {
            for (String kv : spec.split(";")) {
                String[] p = kv.split("=", 2);
                m.put(p[0], p.length > 1 ? p[1] : "");
            }
        }
        return m;
    }

    @ParameterizedTest(name = "\"{0}\" prints as \"{1}\"")
    @DisplayName("a parsed selector prints in Kubernetes' canonical form, requirements sorted by key")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "app=web,tier!=db,env in (b,a),!legacy,partition,env notin (x)|app=web,env in (a,b),env notin (x),!legacy,partition,tier!=db",
        "x=a,y=b,z=c|x=a,y=b,z=c",
        "\"\"|\"\"",
        "x!=a,y=b|x!=a,y=b",
        "x=|x=",
        "\"x= \"|x=",
        "\"x=,z= \"|x=,z=",
        "!x|!x",
        "x>1,z<5|x>1,z<5",
        "x==a|x==a",
        "\"  app  =  web ,  tier in ( a , b )  \"|app=web,tier in (a,b)",
        "x notin (abc,,def),bar,z in (),w|bar,w,x notin (,abc,def),z in ()",
        "a in (x,y,notin, z,in)|a in (in,notin,x,y,z)",
        "x notin (, a)|x notin (,a)",
        "x in (abc,)|x in (,abc)",
        "\"foo  in\t (abc)\"|foo in (abc)",
        "this-is-a-dns.domain.com/key-with-dash|this-is-a-dns.domain.com/key-with-dash",
        "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)|0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)",
        "notin=in|notin=in",
        "x=a,a=x|a=x,x=a",
    })
    void printsCanonically(String input, String canonical) {
        assertThat(Selector.parse(input)).hasToString(canonical);
    }

    @ParameterizedTest(name = "\"{0}\" fails: {1}")
    @DisplayName("a malformed selector fails with Kubernetes' exact message")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "x==a==b#found '==', expected: ',' or 'end of string'",
        "!x=a#found '=', expected: ',' or 'end of string'",
        ",a#found ',', expected: !, identifier, or 'end of string'",
        "a,#found '', expected: identifier after ','",
        "a b#unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt",
        "env in (a,b#unable to parse requirement: found '', expected: ',' or ')'",
        "x in a#unable to parse requirement: found 'a' expected: '('",
        "x in (=)#unable to parse requirement: found '=', expected: ',', ')' or identifier",
        "x in (a=)#unable to parse requirement: found '=', expected: ',' or ')'",
        "x=(#unable to parse requirement: found '(', expected: identifier",
        "!=x#found '!=', expected: !, identifier, or 'end of string'",
        "x<a#unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer",
        "app:web#unable to parse requirement: <nil>: Invalid value: \"app:web\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        "a/b/c ?=? def#unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
        "x,,y#found ',', expected: identifier after ','",
        "x nott in (y)#unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt",
        "a in (xyz),#found '', expected: identifier after ','",
        "a in (xyz)b notin ()#found 'b', expected: ',' or 'end of string'",
        "a in (xyz abc)#unable to parse requirement: found 'abc', expected: ',' or ')'",
        "a notin(#unable to parse requirement: found '', expected: ',', ')' or identifier",
        "a (#unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt",
        "(#found '(', expected: !, identifier, or 'end of string'",
        "app.kubernetes_io/name=vault#unable to parse requirement: <nil>: Invalid value: \"app.kubernetes_io/name\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        "x=a||y=b#unable to parse requirement: values[0][x]: Invalid value: \"a||y\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    })
    void rejectsWithKubernetesMessage(String input, String message) {
        assertThatThrownBy(() -> Selector.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    @DisplayName("a parse error also knows where it stopped, to point at it")
    void errorKnowsPosition() {
        SelectorParseException e = (SelectorParseException) org.assertj.core.api.Assertions.catchThrowable(
                () -> Selector.parse("app=web,env in (a b)"));
        assertThat(e.position()).isEqualTo(18);
        assertThat(e.pointer()).isEqualTo("app=web,env in (a b)\n                  ^");
    }

    @ParameterizedTest(name = "\"{0}\" against {1}: {2}")
    @DisplayName("a selector matches a label set when every requirement holds")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"|x=y|true",
        "x=y|x=y|true",
        "x=y,z=w|x=y;z=w|true",
        "x!=y,z!=w|x=z;z=a|true",
        "notin=in|notin=in|true",
        "x|x=z|true",
        "!x|y=z|true",
        "x>1|x=2|true",
        "x<1|x=0|true",
        "x=z|-|false",
        "x=y|x=z|false",
        "x=y,z=w|x=w;z=w|false",
        "x!=y,z!=w|x=z;z=w|false",
        "x|y=z|false",
        "!x|x=z|false",
        "x>1|x=0|false",
        "x>1|x=v2|false",
        "x<1|-|false",
        "x in (foo),y notin (alpha)|x=foo;y=baz|true",
        "x in (foo),y in (alpha)|x=foo;y=baz|false",
        "x in ()|y=baz|false",
        "x in ()|x=|true",
        "x=|-|false",
        "x!=|-|true",
        "env notin (prod)|-|true",
        "env notin (prod)|env=prod|false",
        "env notin (prod)|env=dev|true",
        "tier in (web,cache)|tier=cache|true",
    })
    void matches(String selector, String labelSet, boolean expected) {
        assertThat(Selector.parse(selector).matches(labels(labelSet))).isEqualTo(expected);
    }

    @Test
    @DisplayName("a selector with notin matches an object that lacks the key, as Kubernetes' NotIn does")
    void notInMatchesMissingKey() {
        Selector s = Selector.parse("env notin (prod,staging)");
        assertThat(s.matches(Map.of("app", "web"))).isTrue();
        assertThat(s.matches(Map.of("env", "prod"))).isFalse();
        assertThat(Selector.parse("env!=prod").matches(Map.of())).isTrue();
    }

    @Test
    @DisplayName("everything matches all label sets and is empty; nothing matches none and is not empty")
    void everythingAndNothing() {
        assertThat(Selector.everything().matches(Map.of("x", "y"))).isTrue();
        assertThat(Selector.everything().matches(null)).isTrue();
        assertThat(Selector.everything().isEmpty()).isTrue();
        assertThat(Selector.parse("").isEmpty()).isTrue();
        assertThat(Selector.nothing().matches(Map.of())).isFalse();
        assertThat(Selector.nothing().isEmpty()).isFalse();
        assertThat(Selector.nothing()).hasToString("");
        assertThat(Selector.parse("a").isEmpty()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" demands {1}={2}")
    @DisplayName("exactMatch finds the single value a requirement demands, for index lookups")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "app=web|app|web",
        "app==web|app|web",
        "app in (web)|app|web",
        "app in (web,db)|app|",
        "app!=web|app|",
        "app|app|",
        "tier=db,app=web|app|web",
        "tier=db|app|",
        "app=|app|\"\"",
    })
    void exactMatch(String selector, String key, String value) {
        var found = Selector.parse(selector).exactMatch(key);
        if (value == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).contains(value);
        }
    }

    @Test
    @DisplayName("a null LabelSelector selects nothing and an empty one selects everything")
    void fromNullAndEmpty() {
        assertThat(Selector.from(null).matches(Map.of("app", "web"))).isFalse();
        assertThat(Selector.from(new LabelSelector(null, null)).matches(Map.of("app", "web"))).isTrue();
        assertThat(Selector.from(new LabelSelector(Map.of(), List.of())).isEmpty()).isTrue();
    }

    @Test
    @DisplayName("matchLabels and matchExpressions become one selector, as LabelSelectorAsSelector builds it")
    void fromLabelSelector() {
        LabelSelector ls = new LabelSelector(Map.of("app", "web"), List.of(
                new LabelSelector.Requirement("tier", "In", List.of("web", "cache")),
                new LabelSelector.Requirement("env", "NotIn", List.of("prod")),
                new LabelSelector.Requirement("canary", "DoesNotExist", null),
                new LabelSelector.Requirement("partition", "Exists", List.of())));
        Selector s = Selector.from(ls);
        assertThat(s).hasToString("app=web,!canary,env notin (prod),partition,tier in (cache,web)");
        assertThat(s.matches(Map.of("app", "web", "tier", "cache", "partition", "a"))).isTrue();
        assertThat(s.matches(Map.of("app", "web", "tier", "cache"))).isFalse();
        assertThat(s.exactMatch("app")).contains("web");
    }

    @Test
    @DisplayName("an unknown matchExpressions operator is an error in Kubernetes' words")
    void fromUnknownOperator() {
        LabelSelector ls = new LabelSelector(null, List.of(new LabelSelector.Requirement("a", "Foo", List.of("b"))));
        assertThatThrownBy(() -> Selector.from(ls)).hasMessage("\"Foo\" is not a valid label selector operator");
        LabelSelector empty = new LabelSelector(null, List.of(new LabelSelector.Requirement("a", "In", List.of())));
        assertThatThrownBy(() -> Selector.from(empty))
                .hasMessage("values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty");
    }

    @Test
    @DisplayName("a Service-style map selector requires each label exactly, and an empty map selects everything")
    void fromSet() {
        Selector s = Selector.fromSet(Map.of("tier", "frontend", "app", "guestbook"));
        assertThat(s).hasToString("app=guestbook,tier=frontend");
        assertThat(s.matches(Map.of("app", "guestbook", "tier", "frontend", "x", "y"))).isTrue();
        assertThat(s.matches(Map.of("app", "guestbook"))).isFalse();
        assertThat(Selector.fromSet(Map.of()).isEmpty()).isTrue();
    }

    @Test
    @DisplayName("requirements are exposed sorted by key, with sorted value sets")
    void requirementsAreSorted() {
        List<Requirement> reqs = Selector.parse("z=1,a in (y,x)").requirements();
        assertThat(reqs).extracting(Requirement::key).containsExactly("a", "z");
        assertThat(reqs.get(0).operator()).isEqualTo(Operator.In);
        assertThat(reqs.get(0).values()).containsExactly("x", "y");
        assertThat(Selector.parse("a in (x,y),z=1")).isEqualTo(Selector.parse("z=1,a in (y,x)"));
    }

    @Test
    @DisplayName("requirement construction validates as NewRequirement does")
    void requirementValidation() {
        assertThat(new Requirement("1foo", Operator.In, Set.of("bar"))).hasToString("1foo in (bar)");
        assertThat(new Requirement("y", Operator.GreaterThan, Set.of("1"))).hasToString("y>1");
        assertThat(new Requirement("x", Operator.Exists, null)).hasToString("x");
        assertThatThrownBy(() -> new Requirement("x", Operator.In, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Requirement("foo", Operator.GreaterThan, Set.of("bar")))
                .hasMessage("values[0]: Invalid value: \"bar\": for 'Gt', 'Lt' operators, the value must be an integer");
        assertThatThrownBy(() -> new Requirement("x", Operator.Equals, Set.of("a", "b")))
                .hasMessage("values: Invalid value: [\"a\",\"b\"]: exact-match compatibility requires one single value");
        assertThatThrownBy(() -> new Requirement("a".repeat(254), Operator.Exists, null))
                .hasMessageStartingWith("key: Invalid value: \"aaaa")
                .hasMessageContaining("name part must be no more than 63 characters");
        assertThatThrownBy(() -> new Requirement("-x", Operator.In, Set.of("-y")))
                .hasMessageStartingWith("[key: Invalid value: \"-x\": name part must consist of")
                .hasMessageContaining(", values[0][-x]: Invalid value: \"-y\": a valid label must be");
    }
}
