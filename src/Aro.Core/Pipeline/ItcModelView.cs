using Aro.Core.Imaging;
using Aro.Core.Models;
using Aro.Core.Models.Scoring;
using Aro.Core.Text;

namespace Aro.Core.Pipeline;

/// <summary>
/// A model seen through its dual encoders only (cosine scoring): the ITC embeddings of a BLIP package are what a
/// retrieval ranks first, and as an ITC model its images' embeddings can come from the cache instead of being encoded
/// again for their ITM features. Everything else is the model's own; disposing the view leaves the model alone.
/// </summary>
internal sealed class ItcModelView(IEvaluationModel model) : IEvaluationModel
{
    public ModelDescription Description => model.Description;

    public ScoringMode Scoring => ScoringMode.Itc;

    public byte[] Fingerprint => model.Fingerprint;

    public ICaptionTokenizer Tokenizer => model.Tokenizer;

    public IImageTransform Transform => model.Transform;

    public IImageEncoder ImageEncoder => model.ImageEncoder;

    public ITextEncoder TextEncoder => model.TextEncoder;

    public IOptionScorer Scorer => CosineScorer.Instance;

    public void Dispose()
    {
    }
}
