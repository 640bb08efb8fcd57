using Xunit;

// One Chromium and one bridge at a time: the board's one-second deadline is measured on a shared machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
