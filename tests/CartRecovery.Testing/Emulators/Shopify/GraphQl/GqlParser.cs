using System.Globalization;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// Recursive-descent reader for executable GraphQL documents (operations and fragments, per the GraphQL spec's
/// "Document" grammar). Named fragment spreads are expanded into inline fragments so later passes see one tree.
/// Directives are read and ignored, which is enough for the queries a connector sends.
/// </summary>
internal sealed class GqlParser
{
    private readonly List<GqlToken> _tokens;
    private int _position;

    private GqlParser(string source) => _tokens = GqlLexer.Tokenize(source);

    private GqlToken Current => _tokens[_position];

    public static GqlDocument Parse(string source)
    {
        var parser = new GqlParser(source);
        var operations = new List<GqlOperation>();
        var fragments = new Dictionary<string, GqlFragment>(StringComparer.Ordinal);
        if (parser.Current.Kind == GqlTokenKind.End)
        {
            throw new GqlSyntaxException("Unexpected end of document", 1, 1);
        }

        while (parser.Current.Kind != GqlTokenKind.End)
        {
            if (parser.Peek("fragment"))
            {
                var fragment = parser.ReadFragment();
                fragments[fragment.Name] = fragment;
            }
            else
            {
                operations.Add(parser.ReadOperation());
            }
        }

        return new GqlDocument([.. operations.Select(o => o with { Selections = Expand(o.Selections, fragments, []) })]);
    }

    private GqlOperation ReadOperation()
    {
        if (Peek("{"))
        {
            return new GqlOperation("query", null, [], ReadSelectionSet());
        }

        var kind = Expect(GqlTokenKind.Name).Text;
        if (kind is not ("query" or "mutation" or "subscription"))
        {
            throw Unexpected();
        }

        string? name = Current.Kind == GqlTokenKind.Name ? Next().Text : null;
        var variables = new List<GqlVariableDefinition>();
        if (Accept("("))
        {
            while (!Accept(")"))
            {
                Expect("$");
                var variable = Expect(GqlTokenKind.Name).Text;
                Expect(":");
                var type = ReadType();
                GqlValue? fallback = Accept("=") ? ReadValue() : null;
                SkipDirectives();
                variables.Add(new GqlVariableDefinition(variable, type, fallback));
            }
        }

        SkipDirectives();
        return new GqlOperation(kind, name, variables, ReadSelectionSet());
    }

    private GqlFragment ReadFragment()
    {
        Next();
        var name = Expect(GqlTokenKind.Name).Text;
        Expect("on");
        var type = Expect(GqlTokenKind.Name).Text;
        SkipDirectives();
        return new GqlFragment(name, type, ReadSelectionSet());
    }

    private string ReadType()
    {
        string type;
        if (Accept("["))
        {
            type = $"[{ReadType()}]";
            Expect("]");
        }
        else
        {
            type = Expect(GqlTokenKind.Name).Text;
        }

        return Accept("!") ? type + "!" : type;
    }

    private List<GqlSelection> ReadSelectionSet()
    {
        Expect("{");
        var selections = new List<GqlSelection>();
        while (!Accept("}"))
        {
            selections.Add(ReadSelection());
        }

        return selections.Count > 0 ? selections : throw Unexpected();
    }

    private GqlSelection ReadSelection()
    {
        var start = Current;
        if (Accept("..."))
        {
            if (Current.Kind == GqlTokenKind.Name && Current.Text != "on")
            {
                var spread = Next().Text;
                SkipDirectives();
                return new GqlFragmentSpread(spread, start.Line, start.Column);
            }

            string? condition = Accept("on") ? Expect(GqlTokenKind.Name).Text : null;
            SkipDirectives();
            return new GqlInlineFragment(condition, ReadSelectionSet(), start.Line, start.Column);
        }

        var name = Expect(GqlTokenKind.Name).Text;
        string? alias = null;
        if (Accept(":"))
        {
            alias = name;
            name = Expect(GqlTokenKind.Name).Text;
        }

        var arguments = new Dictionary<string, GqlValue>(StringComparer.Ordinal);
        if (Accept("("))
        {
            while (!Accept(")"))
            {
                var argument = Expect(GqlTokenKind.Name).Text;
                Expect(":");
                arguments[argument] = ReadValue();
            }
        }

        SkipDirectives();
        var selections = Peek("{") ? ReadSelectionSet() : [];
        return new GqlField(alias, name, arguments, selections, start.Line, start.Column);
    }

    private GqlValue ReadValue()
    {
        var token = Next();
        switch (token.Kind)
        {
            case GqlTokenKind.Int:
                return new GqlLiteral(JsonValue.Create(long.Parse(token.Text, CultureInfo.InvariantCulture)));
            case GqlTokenKind.Float:
                return new GqlLiteral(JsonValue.Create(decimal.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture)));
            case GqlTokenKind.String:
                return new GqlLiteral(JsonValue.Create(token.Text));
            case GqlTokenKind.Name:
                return token.Text switch
                {
                    "true" => new GqlLiteral(JsonValue.Create(true)),
                    "false" => new GqlLiteral(JsonValue.Create(false)),
                    "null" => new GqlLiteral(null),
                    _ => new GqlLiteral(JsonValue.Create(token.Text), IsEnum: true),
                };
            case GqlTokenKind.Punctuator when token.Text == "$":
                return new GqlVariable(Expect(GqlTokenKind.Name).Text);
            case GqlTokenKind.Punctuator when token.Text == "[":
                var items = new List<GqlValue>();
                while (!Accept("]"))
                {
                    items.Add(ReadValue());
                }

                return new GqlList(items);
            case GqlTokenKind.Punctuator when token.Text == "{":
                var fields = new Dictionary<string, GqlValue>(StringComparer.Ordinal);
                while (!Accept("}"))
                {
                    var key = Expect(GqlTokenKind.Name).Text;
                    Expect(":");
                    fields[key] = ReadValue();
                }

                return new GqlObject(fields);
            default:
                _position--;
                throw Unexpected();
        }
    }

    private void SkipDirectives()
    {
        while (Accept("@"))
        {
            Expect(GqlTokenKind.Name);
            if (Accept("("))
            {
                while (!Accept(")"))
                {
                    Expect(GqlTokenKind.Name);
                    Expect(":");
                    ReadValue();
                }
            }
        }
    }

    private static List<GqlSelection> Expand(IReadOnlyList<GqlSelection> selections, Dictionary<string, GqlFragment> fragments, HashSet<string> visiting) =>
        [.. selections.Select(selection => selection switch
        {
            GqlField field => field with { Selections = Expand(field.Selections, fragments, visiting) },
            GqlInlineFragment inline => inline with { Selections = Expand(inline.Selections, fragments, visiting) },
            GqlFragmentSpread spread when !fragments.TryGetValue(spread.Name, out _) =>
                throw new GqlSyntaxException($"Fragment {spread.Name} was used, but not defined", spread.Line, spread.Column),
            GqlFragmentSpread spread when !visiting.Add(spread.Name) =>
                throw new GqlSyntaxException($"Fragment {spread.Name} contains an infinite loop", spread.Line, spread.Column),
            GqlFragmentSpread spread => ExpandSpread(spread, fragments, visiting),
            _ => selection,
        })];

    private static GqlInlineFragment ExpandSpread(GqlFragmentSpread spread, Dictionary<string, GqlFragment> fragments, HashSet<string> visiting)
    {
        var fragment = fragments[spread.Name];
        var expanded = new GqlInlineFragment(fragment.TypeCondition, Expand(fragment.Selections, fragments, visiting), spread.Line, spread.Column);
        visiting.Remove(spread.Name);
        return expanded;
    }

    private bool Peek(string text) => Current.Kind is GqlTokenKind.Punctuator or GqlTokenKind.Name && Current.Text == text;

    private bool Accept(string text)
    {
        if (!Peek(text))
        {
            return false;
        }

        _position++;
        return true;
    }

    private GqlToken Next() => Current.Kind == GqlTokenKind.End ? throw Unexpected() : _tokens[_position++];

    private void Expect(string text)
    {
        if (!Accept(text))
        {
            throw Unexpected();
        }
    }

    private GqlToken Expect(GqlTokenKind kind) => Current.Kind == kind ? _tokens[_position++] : throw Unexpected();

    // graphql-ruby (which Shopify runs) words parse errors as: Parse error on "x" (IDENTIFIER) at [line, column].
    private GqlSyntaxException Unexpected() => Current.Kind == GqlTokenKind.End
        ? new GqlSyntaxException("Unexpected end of document", Current.Line, Current.Column)
        : new GqlSyntaxException(
            $"Parse error on \"{Current.Text}\" ({Current.Kind.ToString().ToUpperInvariant()}) at [{Current.Line}, {Current.Column}]",
            Current.Line,
            Current.Column);
}
