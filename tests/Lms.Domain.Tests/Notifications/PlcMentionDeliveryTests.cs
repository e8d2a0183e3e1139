using Lms.Domain.Notifications;

namespace Lms.Domain.Tests.Notifications;

public sealed class PlcMentionDeliveryTests
{
    [Fact]
    public void A_mention_in_a_PLC_room_reaches_the_bell_only_unless_the_person_asks_for_e_mail()
    {
        Assert.Equal(DeliveryChoice.InAppOnly, DeliveryDefaults.For(NotificationKind.PlcMention));
        Assert.Equal(8, (int)NotificationKind.PlcMention);
    }
}
