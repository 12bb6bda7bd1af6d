using AcmDr.Core.Inventory;
using FluentAssertions;

namespace AcmDr.Core.Tests.Inventory;

[TestClass]
public sealed class InventoryErrorsTests
{
    private static InventoryError At(int line, int? column, string message = "x") => new("apps.csv", line, column, message);

    [TestMethod]
    public void Keeps_the_first_errors_in_file_order_whatever_order_they_come_in()
    {
        var errors = new InventoryErrors(limit: 3);
        foreach (var line in new[] { 9, 4, 7, 2, 8, 3, 5 })
        {
            errors.Add(At(line, null));
        }

        errors.Count.Should().Be(7);
        errors.InFileOrder().Select(e => e.Line).Should().Equal(2, 3, 4);
    }

    [TestMethod]
    public void Orders_by_column_and_keeps_errors_of_one_place_in_the_order_found()
    {
        var errors = new InventoryErrors(limit: 4);
        errors.Add(At(2, null, "row"));
        errors.Add(At(2, 3, "third column"));
        errors.Add(At(2, 1, "first"));
        errors.Add(At(2, 1, "first again"));
        errors.Add(At(2, 1, "first, third time"));

        errors.InFileOrder().Select(e => e.Message).Should().Equal("first", "first again", "first, third time", "third column");
    }

    [TestMethod]
    public void A_limit_below_one_is_refused() =>
        FluentActions.Invoking(() => new InventoryErrors(0)).Should().Throw<ArgumentOutOfRangeException>();
}
