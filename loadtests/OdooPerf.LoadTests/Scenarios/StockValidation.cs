using System.Text.Json.Nodes;
using OdooPerf.Odoo.Rpc;

namespace OdooPerf.LoadTests.Scenarios;

/// <summary>
/// Validating a transfer as the web client does: <c>button_validate</c>, then, when Odoo answers with a dialog instead
/// of finishing, that dialog's button, until it finishes. The dialogs: Odoo 17's <c>confirm.stock.sms</c> (asked once
/// per company before the first delivery; answered "disable SMS", so that a load test on a copy of production never
/// texts real customers), the <c>stock.backorder.confirmation</c> when less is done than asked (a backorder is
/// created), and 16's <c>stock.immediate.transfer</c> (when nothing was set done). A dialog Odoo opens as a record
/// (<c>res_id</c>) gets the button at once; one without a record is saved first (<c>web_save</c> with the action's
/// context), as the web client does. Each call is a step: <c>{prefix}validate</c>, then per dialog
/// <c>{prefix}sms_confirm</c>, or <c>{prefix}backorder_save</c> and <c>{prefix}backorder_confirm</c>, ...
/// </summary>
internal static class StockValidation
{
    // Odoo's dialogs chain at most twice (immediate transfer, then backorder); more means something unknown.
    private const int MaxDialogs = 3;

    /// <summary>True when the transfer is validated; false when a step failed (recorded) or Odoo opened an unknown dialog.</summary>
    public static async Task<bool> ValidateAsync(OdooIteration iteration, long pickingId, string prefix)
    {
        var answer = await iteration.Call($"{prefix}validate", (client, ct) =>
            client.CallButtonAsync("stock.picking", "button_validate", [pickingId], cancellationToken: ct)).ConfigureAwait(false);
        for (var dialogs = 0; answer is not null; dialogs++)
        {
            if (OdooRecords.WindowAction(answer) is not { } dialog)
            {
                return true;
            }

            if (dialogs == MaxDialogs || Answer(dialog.Model) is not { } answerWith)
            {
                iteration.Context.Logger.LogUnknownDialog(dialog.Model);
                return false;
            }

            var context = OdooActions.Context(dialog.Context);
            var step = $"{prefix}{answerWith.Step}";
            var resId = OdooActions.ResId(answer);
            if (resId is null)
            {
                var saved = await iteration.Save($"{step}_save", dialog.Model, [], new JsonObject(), OdooSpecification.Of("display_name"), context).ConfigureAwait(false);
                if (saved is null)
                {
                    return false;
                }

                resId = saved.GetId();
            }

            answer = await iteration.Call($"{step}_confirm", (client, ct) =>
                client.CallButtonAsync(dialog.Model, answerWith.Button, [resId.Value], context, ct)).ConfigureAwait(false);
        }

        return false;
    }

    private static (string Step, string Button)? Answer(string dialogModel) => dialogModel switch
    {
        "confirm.stock.sms" => ("sms", "dont_send_sms"),
        "stock.backorder.confirmation" => ("backorder", "process"),
        "stock.immediate.transfer" => ("immediate", "process"),
        _ => null,
    };
}
