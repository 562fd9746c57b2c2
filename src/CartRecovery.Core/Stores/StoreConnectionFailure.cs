namespace CartRecovery.Core.Stores;

/// <summary>Why a store was not connected: the request (400), the platform refusing the credentials (422) or not answering (502).</summary>
public enum StoreConnectionFailure
{
    Invalid,
    Rejected,
    Unreachable,
}
