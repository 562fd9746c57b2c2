using System.Globalization;
using System.Text;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

internal enum GqlTokenKind { Punctuator, Name, Int, Float, String, End }

internal readonly record struct GqlToken(GqlTokenKind Kind, string Text, int Line, int Column);

/// <summary>Splits a GraphQL document into tokens (spec "Lexical Tokens"); commas and comments are ignored.</summary>
internal static class GqlLexer
{
    public static List<GqlToken> Tokenize(string source)
    {
        var tokens = new List<GqlToken>();
        int i = 0, line = 1, lineStart = 0;
        while (i < source.Length)
        {
            var c = source[i];
            var column = i - lineStart + 1;
            if (c == '\n')
            {
                i++;
                line++;
                lineStart = i;
            }
            else if (c is ' ' or '\t' or '\r' or ',' or '\uFEFF')
            {
                i++;
            }
            else if (c == '#')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '.' && string.CompareOrdinal(source, i, "...", 0, 3) == 0)
            {
                tokens.Add(new(GqlTokenKind.Punctuator, "...", line, column));
                i += 3;
            }
            else if ("{}()[]:=!$@|&".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new(GqlTokenKind.Punctuator, c.ToString(), line, column));
                i++;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new(GqlTokenKind.Name, source[start..i], line, column));
            }
            else if (char.IsAsciiDigit(c) || c == '-')
            {
                var start = i++;
                var isFloat = false;
                while (i < source.Length && (char.IsAsciiDigit(source[i]) || source[i] is '.' or 'e' or 'E' or '+' or '-'))
                {
                    isFloat |= source[i] is '.' or 'e' or 'E';
                    i++;
                }

                tokens.Add(new(isFloat ? GqlTokenKind.Float : GqlTokenKind.Int, source[start..i], line, column));
            }
            else if (c == '"')
            {
                var (text, end, lines) = ReadString(source, i, line, column);
                tokens.Add(new(GqlTokenKind.String, text, line, column));
                if (lines > 0)
                {
                    line += lines;
                    lineStart = source.LastIndexOf('\n', end - 1) + 1;
                }

                i = end;
            }
            else
            {
                throw new GqlSyntaxException($"Parse error on \"{c}\" (error) at [{line}, {column}]", line, column);
            }
        }

        tokens.Add(new(GqlTokenKind.End, "", line, i - lineStart + 1));
        return tokens;
    }

    private static (string Text, int End, int Lines) ReadString(string source, int start, int line, int column)
    {
        if (string.CompareOrdinal(source, start, "\"\"\"", 0, 3) == 0)
        {
            var close = source.IndexOf("\"\"\"", start + 3, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new GqlSyntaxException($"Parse error on unterminated string at [{line}, {column}]", line, column);
            }

            var raw = source[(start + 3)..close];
            return (raw.Trim(), close + 3, raw.Count(ch => ch == '\n'));
        }

        var text = new StringBuilder();
        var i = start + 1;
        while (i < source.Length && source[i] != '"')
        {
            if (source[i] == '\n')
            {
                break;
            }

            if (source[i] == '\\' && i + 1 < source.Length)
            {
                var escaped = source[++i];
                if (escaped == 'u' && i + 4 < source.Length)
                {
                    text.Append((char)int.Parse(source.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                }
                else
                {
                    text.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => escaped });
                }
            }
            else
            {
                text.Append(source[i]);
            }

            i++;
        }

        if (i >= source.Length || source[i] != '"')
        {
            throw new GqlSyntaxException($"Parse error on unterminated string at [{line}, {column}]", line, column);
        }

        return (text.ToString(), i + 1, 0);
    }
}
