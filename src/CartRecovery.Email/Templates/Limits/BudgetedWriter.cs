using System.Globalization;
using System.Text;

namespace CartRecovery.Email.Templates.Limits;

/// <summary>
/// A string writer that charges every character to a <see cref="RenderBudget"/> before keeping it. StringWriter's
/// asynchronous and line-writing methods all end in these overloads.
/// </summary>
internal sealed class BudgetedWriter(RenderBudget budget) : StringWriter(CultureInfo.InvariantCulture)
{
    public override void Write(char value)
    {
        budget.Write(1);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        budget.Write(count);
        base.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        budget.Write(buffer.Length);
        base.Write(buffer);
    }

    public override void Write(string? value)
    {
        budget.Write(value?.Length ?? 0);
        base.Write(value);
    }

    public override void Write(StringBuilder? value)
    {
        budget.Write(value?.Length ?? 0);
        base.Write(value);
    }
}
