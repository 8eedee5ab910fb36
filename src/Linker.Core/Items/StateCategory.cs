namespace OkrLinker.Core.Items;

/// <summary>The category every tracker state folds into (DESIGN.md §6).</summary>
public enum StateCategory
{
    ToDo,
    InProgress,
    Done,
    Removed,
}
