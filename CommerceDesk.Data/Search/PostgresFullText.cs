using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CommerceDesk.Data.Search;

/// <summary>
/// The PostgreSQL counterpart of the SQLite FTS5 indexes (<see cref="FullTextIndexes"/>): a stored, generated
/// <c>tsvector</c> column per searched table with a GIN index, matched with the same rules. FTS5's unicode61
/// tokenizer splits on everything but letters and digits, folds case and removes diacritics, so the document is
/// built the same way: <c>unaccent</c>, lower case, punctuation to spaces, then the <c>simple</c> configuration
/// (no stemming, no stop words). Queries are the FTS5 expression's quoted prefix terms as <c>'term':*</c>, all required.
/// </summary>
public static partial class PostgresFullText
{
    public const string Column = "SearchWords";
    private const string WordsFunction = "commercedesk_search_words";

    /// <summary>The search column and GIN index of each table; the words function first (created once, replaced harmlessly after).</summary>
    public static IEnumerable<string> CreateSql(params FullTextIndexes.Index[] indexes)
    {
        // unaccent is a trusted extension: the database owner may create it. The wrapper names its dictionary, so it
        // is immutable, as a generated column requires.
        yield return "CREATE EXTENSION IF NOT EXISTS unaccent";
        yield return $"""
            CREATE OR REPLACE FUNCTION {WordsFunction}(value text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            RETURN regexp_replace(lower(unaccent('unaccent'::regdictionary, value)), '[[:punct:][:space:]]+', ' ', 'g')
            """;
        foreach (var index in indexes)
        {
            var document = string.Join(" || ' ' || ", index.Columns.Select(c => $"coalesce(\"{c}\", '')"));
            yield return $"ALTER TABLE \"{index.Table}\" ADD COLUMN \"{Column}\" tsvector " +
                         $"GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, {WordsFunction}({document}))) STORED";
            yield return $"CREATE INDEX \"IX_{index.Table}_{Column}\" ON \"{index.Table}\" USING GIN (\"{Column}\")";
        }
    }

    /// <summary>Drops the tables' search columns; the words function too when <paramref name="withFunction"/> (the first migration's Down).</summary>
    public static IEnumerable<string> DropSql(FullTextIndexes.Index[] indexes, bool withFunction)
    {
        foreach (var index in indexes)
        {
            yield return $"DROP INDEX IF EXISTS \"IX_{index.Table}_{Column}\"";
            yield return $"ALTER TABLE \"{index.Table}\" DROP COLUMN IF EXISTS \"{Column}\"";
        }
        if (withFunction) yield return $"DROP FUNCTION IF EXISTS {WordsFunction}(text)";
    }

    /// <summary>
    /// The FTS5 expression of <see cref="FullTextIndexes.MatchExpression"/> as a <c>tsquery</c>: each quoted prefix
    /// term becomes <c>'word':*</c> (a term that folds into several words becomes a phrase of them, as in FTS5), all
    /// joined with AND. Every word is letters and digits only, so nothing the user typed is query syntax.
    /// </summary>
    public static string TsQuery(string matchExpression)
    {
        var terms = new List<string>();
        foreach (Match term in QuotedTerm().Matches(matchExpression))
        {
            var words = Words(term.Groups[1].Value.Replace("\"\"", "\""));
            if (words.Count > 0) terms.Add(string.Join(" <-> ", words.Select((w, i) => i == words.Count - 1 ? $"'{w}':*" : $"'{w}'")));
        }
        return string.Join(" & ", terms);
    }

    /// <summary>Lower case without diacritics, split on everything but letters and digits (what unicode61 does).</summary>
    private static List<string> Words(string text)
    {
        var folded = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return folded.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    [GeneratedRegex("\"((?:[^\"]|\"\")*)\"\\*")]
    private static partial Regex QuotedTerm();
}
