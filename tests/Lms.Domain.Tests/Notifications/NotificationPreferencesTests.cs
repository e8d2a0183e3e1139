using Lms.Domain.Common;
using Lms.Domain.Notifications;

namespace Lms.Domain.Tests.Notifications;

public class NotificationPreferencesTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(NotificationKind.CertificateIssued, DeliveryChoice.EmailToo)]
    [InlineData(NotificationKind.AssignmentGraded, DeliveryChoice.EmailToo)]
    [InlineData(NotificationKind.NoProgress, DeliveryChoice.DailyDigest)]
    [InlineData(NotificationKind.CourseCompleted, DeliveryChoice.InAppOnly)]
    public void Before_choosing_a_person_gets_the_sensible_default_of_each_kind(NotificationKind kind, DeliveryChoice expected)
    {
        Assert.Equal(expected, new NotificationPreferences(Guid.NewGuid(), Now).ChoiceFor(kind));
    }

    [Fact]
    public void Every_kind_has_a_default()
    {
        foreach (var kind in Enum.GetValues<NotificationKind>())
            Assert.True(Enum.IsDefined(DeliveryDefaults.For(kind)));
    }

    [Fact]
    public void A_choice_is_kept_per_kind_and_one_equal_to_the_default_is_not_stored()
    {
        var prefs = new NotificationPreferences(Guid.NewGuid(), Now);
        prefs.ChooseAll(new Dictionary<NotificationKind, DeliveryChoice>
        {
            [NotificationKind.CertificateIssued] = DeliveryChoice.DailyDigest,
            [NotificationKind.NoProgress] = DeliveryChoice.DailyDigest,
        }, Now.AddMinutes(1));
        Assert.Equal(DeliveryChoice.DailyDigest, prefs.ChoiceFor(NotificationKind.CertificateIssued));
        Assert.Equal(DeliveryChoice.EmailToo, prefs.ChoiceFor(NotificationKind.AssignmentGraded));
        Assert.Equal([NotificationKind.CertificateIssued], prefs.Choices.Keys);
        Assert.Equal(Now.AddMinutes(1), prefs.UpdatedAtUtc);
    }

    [Fact]
    public void Going_back_to_the_default_removes_the_stored_choice()
    {
        var prefs = new NotificationPreferences(Guid.NewGuid(), Now);
        prefs.ChooseAll(new Dictionary<NotificationKind, DeliveryChoice> { [NotificationKind.QuizClosing] = DeliveryChoice.InAppOnly }, Now);
        prefs.ChooseAll(new Dictionary<NotificationKind, DeliveryChoice> { [NotificationKind.QuizClosing] = DeliveryChoice.EmailToo }, Now);
        Assert.Empty(prefs.Choices);
    }

    [Fact]
    public void An_unknown_choice_refuses_the_whole_form_and_changes_nothing()
    {
        var prefs = new NotificationPreferences(Guid.NewGuid(), Now);
        var e = Assert.Throws<DomainException>(() => prefs.ChooseAll(new Dictionary<NotificationKind, DeliveryChoice>
        {
            [NotificationKind.CertificateIssued] = DeliveryChoice.InAppOnly,
            [NotificationKind.NoProgress] = (DeliveryChoice)99,
        }, Now.AddDays(1)));
        Assert.Equal("notification.delivery_invalid", e.Code);
        Assert.Empty(prefs.Choices);
        Assert.Equal(Now, prefs.UpdatedAtUtc);
    }
}
