namespace CartRecovery.Connectors.Demo;

/// <summary>How a demo shopper behaves after filling a cart.</summary>
public enum DemoBehaviour
{
    /// <summary>Buys before the cart counts as abandoned.</summary>
    BuysRightAway,
    /// <summary>Clicks the link in the first email that reaches them, then buys.</summary>
    ClicksThenBuys,
    /// <summary>Comes back by themselves after the offer email, without clicking.</summary>
    BuysAfterOffer,
    /// <summary>Never comes back.</summary>
    Leaves,
}

/// <summary>One simulated shopper and how far they got.</summary>
internal sealed class DemoShopper(string cartId, DemoBehaviour behaviour, DateTimeOffset arrivedAt)
{
    public string CartId { get; } = cartId;
    public DemoBehaviour Behaviour { get; } = behaviour;
    public DateTimeOffset ArrivedAt { get; } = arrivedAt;
    public bool AddedSecondItem { get; set; }
    public DateTimeOffset? BuyAt { get; set; }
    public bool Done { get; set; }
}
