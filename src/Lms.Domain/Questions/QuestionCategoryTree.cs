using Lms.Domain.Common;

namespace Lms.Domain.Questions;

/// <summary>
/// The categories of one bank as a tree: what lies under a category (for "include sub-categories", export and the
/// "delete only when empty" rule), a category's path from the bank's top (as question files name categories), and
/// where a category may move without ending up inside itself. A bank has tens of categories, so the tree is built
/// in memory from all of them.
/// </summary>
public sealed class QuestionCategoryTree
{
    private readonly Dictionary<Guid, QuestionCategory> byId;
    private readonly ILookup<Guid?, QuestionCategory> byParent;

    public QuestionCategoryTree(IEnumerable<QuestionCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        byId = categories.ToDictionary(c => c.Id);
        // A parent outside the bank (never expected) is treated as the top, so nothing becomes unreachable.
        byParent = byId.Values.ToLookup(c => c.ParentId is { } p && byId.ContainsKey(p) ? c.ParentId : null);
    }

    public int Count => byId.Count;

    public QuestionCategory? Find(Guid id) => byId.GetValueOrDefault(id);

    public bool Contains(Guid id) => byId.ContainsKey(id);

    /// <summary>The categories directly under <paramref name="parentId"/> (null: the bank's top), by name.</summary>
    public IReadOnlyList<QuestionCategory> Children(Guid? parentId) =>
        byParent[parentId].OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();

    /// <summary>Every category, depth first and by name within a level, with its depth (0 at the top): for lists and selects.</summary>
    public IReadOnlyList<(QuestionCategory Category, int Depth)> Flatten()
    {
        var result = new List<(QuestionCategory, int)>(byId.Count);
        void Walk(Guid? parent, int depth)
        {
            foreach (var c in Children(parent))
            {
                result.Add((c, depth));
                Walk(c.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }

    /// <summary>The category and everything under it.</summary>
    public IReadOnlyList<Guid> SelfAndDescendants(Guid id)
    {
        if (!byId.ContainsKey(id)) return [];
        var result = new List<Guid>();
        var stack = new Stack<Guid>([id]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            result.Add(current);
            foreach (var child in byParent[current]) stack.Push(child.Id);
        }
        return result;
    }

    /// <summary>The names from the bank's top down to the category, itself included (["Iota", "Kappa"]).</summary>
    public IReadOnlyList<string> PathOf(Guid id)
    {
        var names = new List<string>();
        var seen = new HashSet<Guid>();
        for (var c = Find(id); c is not null && seen.Add(c.Id); c = c.ParentId is { } p ? Find(p) : null)
            names.Add(c.Name);
        names.Reverse();
        return names;
    }

    /// <summary>
    /// Moves <paramref name="category"/> under <paramref name="newParentId"/> (null: the top). Refuses a parent from
    /// another bank and one inside the category itself, which would cut the branch off from the tree.
    /// </summary>
    public void Move(QuestionCategory category, Guid? newParentId)
    {
        ArgumentNullException.ThrowIfNull(category);
        if (newParentId is { } p)
        {
            if (p == category.Id) throw new DomainException("category.parent_self", "A category cannot contain itself.");
            if (!byId.ContainsKey(p)) throw new DomainException("category.parent_not_in_bank", "The new parent is not in this bank.");
            if (SelfAndDescendants(category.Id).Contains(p))
                throw new DomainException("category.parent_inside", "A category cannot move inside itself.");
        }
        category.MoveUnder(newParentId);
    }
}
