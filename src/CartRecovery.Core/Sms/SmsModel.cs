using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Sms;

/// <summary>Everything an SMS template may show: the shop, the cart, the step's message and its short restore link.</summary>
public sealed record SmsModel(Store Store, Cart Cart, OutboundMessage Message, SmsSettings Settings, string ShortUrl);
