using Microsoft.EntityFrameworkCore;
using OkrLinker.Core.Store;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Sync;

public sealed class SqliteWorkItemRowsTests
{
    [Fact]
    public async Task The_direct_statements_name_every_column_of_the_model_and_no_other()
    {
        using var store = await TempStore.CreateAsync();
        await using var db = store.CreateDbContext();

        var model = db.Model.FindEntityType(typeof(WorkItemRow))!.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal);

        Assert.Equal(model, SqliteWorkItemRows.Columns.Order(StringComparer.Ordinal));
    }
}
