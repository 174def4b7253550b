import ServiceLifecycle

/// Runs `pass`, then again every `interval`, until the task is cancelled or the service group shuts down gracefully:
/// the loop of `lotsen serve`'s background workers. A graceful shutdown ends the wait between passes at once; a pass
/// under way finishes first.
func repeatUntilShutdown(every interval: Duration, _ pass: () async -> Void) async {
    while !Task.isCancelled, !Task.isShuttingDownGracefully {
        await pass()
        _ = try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
    }
}
