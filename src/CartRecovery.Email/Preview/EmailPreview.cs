using CartRecovery.Core.Email;

namespace CartRecovery.Email.Preview;

/// <summary>
/// What a recovery email would be: its rendered parts and the message headers every MIME transport writes
/// (From, To, Subject, Date, Message-ID, List-Unsubscribe, List-Unsubscribe-Post, X-CartRecovery-*). Headers that
/// only describe the MIME encoding (MIME-Version, Content-Type with its random boundary) are left out.
/// </summary>
public sealed record EmailPreview(EmailContent Content, IReadOnlyDictionary<string, string> Headers);
