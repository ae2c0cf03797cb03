"""The clock engine: due dates as pure functions of a trigger date, a rule and the bank-holiday
calendar."""
