namespace CartRecovery.Core.Stores;

public enum StoreStatus
{
    Active = 0,
    /// <summary>The merchant removed the app: no polling, no sending, credentials dropped; data kept until the platform's redact deadline.</summary>
    Uninstalled = 1,
}
