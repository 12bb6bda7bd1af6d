namespace AcmDr.Core.Compliance;

/// <summary>What the configuration policy controller found for one group of objects.</summary>
public enum ObjectOutcome
{
    /// <summary>Named in the message, but the outcome words were not recognised.</summary>
    Unknown,
    FoundAsSpecified,
    FoundNotAsSpecified,
    NotFound,
    Created,
    Updated,
    Deleted,

    /// <summary>A mustnothave object exists.</summary>
    FoundButShouldNotExist,
    MissingAsExpected,
}
