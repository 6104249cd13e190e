"""Table layouts seen in real releases, as text, for the tests of more than one module."""

__all__ = ["UNHEADED_SHARES"]

#: Pegatron's income statement: each period's amounts, then their shares of revenue under no header.
UNHEADED_SHARES = (
    "(NT$ Mn)              4Q 2025               4Q 2024            YoY\n"
    "Net Revenue         319,528     100%      327,004     100%     -2.3%\n"
    "COGS                306,471    95.9%      315,192    96.4%     -2.8%\n"
    "Gross Profit         13,057     4.1%       11,812     3.6%     10.5%\n"
    "Tax                  (2,474)    0.8%       (1,772)    0.5%     39.6%\n"
)
