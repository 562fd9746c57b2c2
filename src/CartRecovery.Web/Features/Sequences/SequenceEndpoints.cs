using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Email.Templates;
using CartRecovery.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Sequences;

/// <summary>
/// A store's own sequences: <c>/api/stores/{id}/sequences</c>. Every PUT adds a version, so carts already enrolled keep
/// the steps they were planned with; DELETE deactivates (new carts stop enrolling, scheduled messages still go out).
/// While a store has active sequences of its own, its preset no longer applies.
/// </summary>
internal static class SequenceEndpoints
{
    private const string Path = "/stores/{id:long}/sequences";

    public static RouteGroupBuilder MapSequences(this RouteGroupBuilder api)
    {
        api.MapGet(Path, async (long id, StoreAccess stores, ISequenceRepository sequences, CancellationToken ct) =>
            await stores.GetAsync(id, ct) is null
                ? ApiResults.StoreNotFound(id)
                : Results.Ok((await sequences.ListAsync(id, ct)).Select(SequenceResponse.From)))
            .Describe<IEnumerable<SequenceResponse>>(ApiDescriptions.Sequences, "List the store's own sequences (current versions)", 404);
        api.MapGet(Path + "/reach", ReachAsync)
            .Describe<SequenceReachResponse>(ApiDescriptions.Sequences,
                "How many carts abandoned in the last 30 days each active sequence would have taken, and a warning when none would", 404);
        api.MapPost(Path, CreateAsync)
            .RequireAuthorization(CallerPolicies.Member)
            .DescribeCreated<SequenceResponse>(ApiDescriptions.Sequences, "Create a sequence (steps and conditions, or a preset)", 400, 404);
        api.MapGet(Path + "/{sequenceId:long}", async (long id, long sequenceId, StoreAccess stores, ISequenceRepository sequences, CancellationToken ct) =>
            await stores.GetAsync(id, ct) is null ? ApiResults.StoreNotFound(id)
            : await sequences.GetAsync(id, sequenceId, ct) is { } found ? Results.Ok(SequenceResponse.From(found))
            : SequenceNotFound(id, sequenceId))
            .Describe<SequenceResponse>(ApiDescriptions.Sequences, "A sequence's current version", 404);
        api.MapPut(Path + "/{sequenceId:long}", UpdateAsync)
            .RequireAuthorization(CallerPolicies.Member)
            .Describe<SequenceResponse>(ApiDescriptions.Sequences, "Replace a sequence with a new version (enrolled carts keep theirs)", 400, 404);
        api.MapDelete(Path + "/{sequenceId:long}", DeactivateAsync)
            .RequireAuthorization(CallerPolicies.Member)
            .DescribeNoContent(ApiDescriptions.Sequences, "Deactivate a sequence (scheduled messages still go out)", 404);
        api.MapGet(Path + "/{sequenceId:long}/versions", async (long id, long sequenceId, StoreAccess stores, ISequenceRepository sequences,
            CancellationToken ct) =>
        {
            if (await stores.GetAsync(id, ct) is null)
                return ApiResults.StoreNotFound(id);
            var versions = await sequences.ListVersionsAsync(id, sequenceId, ct);
            return versions.Count == 0 ? SequenceNotFound(id, sequenceId) : Results.Ok(versions.Select(SequenceResponse.From));
        }).Describe<IEnumerable<SequenceResponse>>(ApiDescriptions.Sequences, "Every version of a sequence", 404);
        api.MapGet(Path + "/{sequenceId:long}/results", ResultsAsync)
            .Describe<object>(ApiDescriptions.Sequences, "Results per step and variant (attributed), with significance against the first variant, and the incremental lift against the control group", 404);
        api.MapSequencePreview();
        return api;
    }

    private static async Task<IResult> ReachAsync(long id, StoreAccess stores, SequenceReachCheck reach, CancellationToken ct)
    {
        if (await stores.GetAsync(id, ct) is null)
            return ApiResults.StoreNotFound(id);
        return Results.Ok(SequenceReachResponse.From(await reach.CheckAsync(id, ct)));
    }

    private static async Task<IResult> CreateAsync(long id, SequenceRequest? request, StoreAccess stores, SequenceChanges changes, CancellationToken ct)
    {
        if (await stores.GetAsync(id, ct) is not { } store)
            return ApiResults.StoreNotFound(id);
        if (request is null)
            return MissingBody();
        var outcome = await changes.CreateAsync(store, request, ct);
        return outcome.Saved is not { } created
            ? Invalid(outcome.Errors)
            : Results.Created($"/api/stores/{id}/sequences/{created.Id}", SequenceResponse.From(created));
    }

    private static async Task<IResult> UpdateAsync(long id, long sequenceId, SequenceRequest? request, StoreAccess stores,
        SequenceChanges changes, CancellationToken ct)
    {
        if (await stores.GetAsync(id, ct) is not { } store)
            return ApiResults.StoreNotFound(id);
        if (request is null)
            return MissingBody();
        var outcome = await changes.UpdateAsync(store, sequenceId, request, ct);
        return outcome.Saved is { } updated ? Results.Ok(SequenceResponse.From(updated))
            : outcome.Errors.Count > 0 ? Invalid(outcome.Errors)
            : SequenceNotFound(id, sequenceId);
    }

    private static async Task<IResult> DeactivateAsync(long id, long sequenceId, StoreAccess stores, SequenceChanges changes, CancellationToken ct)
    {
        if (await stores.GetAsync(id, ct) is not { } store)
            return ApiResults.StoreNotFound(id);
        return await changes.DeactivateAsync(store, sequenceId, ct) ? Results.NoContent() : SequenceNotFound(id, sequenceId);
    }

    private static async Task<IResult> ResultsAsync(long id, long sequenceId, StoreAccess stores, ISequenceRepository sequences, SequenceLift lift,
        CancellationToken ct)
    {
        if (await stores.GetAsync(id, ct) is not { } store)
            return ApiResults.StoreNotFound(id);
        if (await sequences.GetAsync(id, sequenceId, ct) is not { } sequence)
            return SequenceNotFound(id, sequenceId);
        var steps = SequenceResults.Build(await sequences.CountResultsAsync(sequenceId, ct), sequence.Definition);
        var incremental = IncrementalResponse.From(await lift.EstimateAsync(id, sequenceId, store.Currency, ct),
            sequence.Definition.HoldOutPercent, store.Currency);
        return Results.Ok(new
        {
            sequenceId,
            sequence.Version,
            incremental,
            minSamplePerVariant = ProportionTest.MinSamplePerVariant,
            steps = steps.Select(s => new
            {
                s.Step,
                variants = s.Variants.Select(v => new
                {
                    v.Variant, delaySeconds = v.Wait is { } wait ? (long?)wait.TotalSeconds : null, v.Sent, v.Delivered, v.Opened, v.Clicked, v.Recovered, v.Revenue, v.DeliveryRate, v.OpenRate, v.ClickRate, v.RecoveryRate,
                    recoveryVsFirst = Verdict(v.RecoveryVsFirst),
                    clickVsFirst = Verdict(v.ClickVsFirst),
                }),
            }),
        });
    }

    private static object? Verdict(Significance? s) => s is null ? null : new
    {
        s.EnoughData, s.ZScore, s.PValue, s.SignificantAt95,
        summary = !s.EnoughData ? "not enough data" : s.SignificantAt95 ? "significant at 95%" : "not significant",
    };

    private static IResult MissingBody() => ApiResults.Invalid("body", "a JSON sequence (or {\"preset\":\"hybrid\"}) is required");

    private static IResult Invalid(IReadOnlyDictionary<string, SequenceRule[]> errors) =>
        Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.Select(r => r.Api).ToArray()),
            detail: string.Join("; ", errors.Values.SelectMany(e => e).Select(r => r.Api)));

    internal static IResult SequenceNotFound(long storeId, long sequenceId) =>
        Results.Problem(statusCode: 404, title: "Sequence not found", detail: $"Store {storeId} has no sequence {sequenceId}.");
}
