namespace Lms.Web.Learning;

/// <summary>
/// Lets one request at a time of this app instance record progress in a given enrolment (person and course).
/// Without it, parallel views by one person (tabs, a double click, a phone and a laptop) all read the same
/// row version, and all but one must re-read and try again after their save failed; with group commit a
/// lost race costs a whole batch, and five in a row gave an error. Waiting for the other request instead
/// makes the read that follows see its result. Other instances (and other kinds of change) are still
/// caught by the row version check and retried, as before.
/// </summary>
public sealed class EnrolmentLocks
{
    private sealed class Gate
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users; // guarded by the dictionary's lock
    }

    private readonly Dictionary<(Guid, Guid), Gate> gates = new();

    /// <summary>Waits for the enrolment's other requests in this instance; dispose the result to let the next one in.</summary>
    public async Task<IDisposable> EnterAsync(Guid courseId, Guid personId, CancellationToken ct)
    {
        var key = (courseId, personId);
        Gate gate;
        lock (gates)
        {
            if (!gates.TryGetValue(key, out gate!)) gates[key] = gate = new Gate();
            gate.Users++;
        }
        try
        {
            await gate.Semaphore.WaitAsync(ct);
        }
        catch
        {
            Leave(key, gate);
            throw;
        }
        return new Entered(this, key, gate);
    }

    private void Leave((Guid, Guid) key, Gate gate)
    {
        lock (gates)
        {
            if (--gate.Users == 0) gates.Remove(key);
        }
    }

    private sealed class Entered(EnrolmentLocks owner, (Guid, Guid) key, Gate gate) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0) return;
            gate.Semaphore.Release();
            owner.Leave(key, gate);
        }
    }
}
