namespace EdgarSharp.Xbrl;

/// <summary>Which rules check an instance's calculations (<see cref="XbrlLoadOptions.Calculations"/>).</summary>
public enum CalculationMode
{
    /// <summary>
    /// XBRL 2.1 section 5.2.5.2 (the default): each contributing item rounded to its decimals, weighted and summed, the
    /// sum rounded to the total's decimals must equal the total; duplicates stop the calculation. Only the 2003
    /// summation-item arcrole. Inconsistencies are <c>xbrl.5.2.5.2</c> errors.
    /// </summary>
    Xbrl21,

    /// <summary>
    /// Calculations 1.1 (2023), round-to-nearest: each value stands for an interval of half a unit of its decimals
    /// either side, intervals are added and must meet the total's; consistent duplicates are merged. Both
    /// summation-item arcroles (2003 and 2023). Codes <c>calc11e:...</c> and <c>oime:disallowedDuplicateFacts</c>.
    /// </summary>
    Calculations11,

    /// <summary>Calculations 1.1 in truncation mode: each value stands for the values it could have been truncated from.</summary>
    Calculations11Truncation,

    /// <summary>No calculation check.</summary>
    None,
}
