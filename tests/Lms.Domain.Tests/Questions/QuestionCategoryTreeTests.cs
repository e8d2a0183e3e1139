using Lms.Domain.Common;
using Lms.Domain.Questions;

namespace Lms.Domain.Tests.Questions;

public sealed class QuestionCategoryTreeTests
{
    private static readonly Guid Course = Guid.NewGuid();
    private readonly QuestionCategory science = new(Guid.NewGuid(), Course, null, "วิทยาศาสตร์");
    private readonly QuestionCategory physics;
    private readonly QuestionCategory waves;
    private readonly QuestionCategory art = new(Guid.NewGuid(), Course, null, "ศิลปะ");

    public QuestionCategoryTreeTests()
    {
        physics = new(Guid.NewGuid(), Course, science.Id, "ฟิสิกส์");
        waves = new(Guid.NewGuid(), Course, physics.Id, "คลื่น");
    }

    private QuestionCategoryTree Tree() => new([waves, art, physics, science]);

    [Fact]
    public void A_category_knows_its_path_from_the_top_and_everything_under_it()
    {
        var tree = Tree();
        Assert.Equal(["วิทยาศาสตร์", "ฟิสิกส์", "คลื่น"], tree.PathOf(waves.Id));
        Assert.Equal(new[] { science.Id, physics.Id, waves.Id }.Order(), tree.SelfAndDescendants(science.Id).Order());
        Assert.Equal([waves.Id], tree.SelfAndDescendants(waves.Id));
        Assert.Empty(tree.SelfAndDescendants(Guid.NewGuid()));
    }

    [Fact]
    public void Flattening_lists_parents_before_children_with_their_depth()
    {
        var flat = Tree().Flatten();
        Assert.Equal(4, flat.Count);
        Assert.True(flat.ToList().FindIndex(x => x.Category == science) < flat.ToList().FindIndex(x => x.Category == physics));
        Assert.Equal(2, flat.Single(x => x.Category == waves).Depth);
        Assert.Equal(0, flat.Single(x => x.Category == art).Depth);
    }

    [Fact]
    public void A_category_cannot_move_inside_its_own_branch_or_out_of_its_bank()
    {
        var tree = Tree();
        Assert.Equal("category.parent_inside", Assert.Throws<DomainException>(() => tree.Move(science, waves.Id)).Code);
        Assert.Equal("category.parent_self", Assert.Throws<DomainException>(() => tree.Move(science, science.Id)).Code);
        Assert.Equal("category.parent_not_in_bank", Assert.Throws<DomainException>(() => tree.Move(science, Guid.NewGuid())).Code);
        tree.Move(waves, art.Id);
        Assert.Equal(art.Id, waves.ParentId);
        tree.Move(waves, null);
        Assert.Null(waves.ParentId);
    }

    [Fact]
    public void A_parent_missing_from_the_bank_leaves_its_children_at_the_top()
    {
        var orphan = new QuestionCategory(Guid.NewGuid(), Course, Guid.NewGuid(), "กำพร้า");
        var tree = new QuestionCategoryTree([orphan]);
        Assert.Equal([orphan], tree.Children(null));
        Assert.Equal(["กำพร้า"], tree.PathOf(orphan.Id));
    }
}
