namespace CartRecovery.Web.Features.Admin;

/// <summary>Access to the admin API (section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>
    /// The bearer key of <c>/api/*</c>. Empty: a key is generated into <c>{Storage:DataDirectory}/secrets/admin-api-key</c>
    /// on first start (read it there). Set it through the environment (<c>Admin__ApiKey</c>) in production.
    /// </summary>
    public string ApiKey { get; set; } = "";
}
