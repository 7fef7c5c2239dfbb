namespace Aro.Core.Benchmarks.Aro;

/// <summary>
/// Where the benchmark data comes from : the files the official ARO code downloads, from the
/// same places. The VG subsets come from the authors' Google Drive (what the official loader and every reported
/// number used) rather than the Hugging Face parquet mirrors, which repackage the images (possibly pre-cropped,
/// undocumented) and would need a parquet reader; the Order subsets from the Karpathy splits as Salesforce BLIP
/// publishes them, with COCO images fetched one by one instead of the 6 GB val2014 zip.
/// </summary>
public static class AroDataSources
{
    /// <summary>Drive id of <c>visual_genome_relation.json</c> (official loader, <c>VG_Relation</c>).</summary>
    public const string RelationDriveId = "1kX2iCHEv0CADL8dSO1nMdW-V0NqIAiP3";

    /// <summary>Drive id of <c>visual_genome_attribution.json</c> (official loader, <c>VG_Attribution</c>).</summary>
    public const string AttributionDriveId = "13tWvOrNOLHxl3Rm9cR3geAdHx2qR3-Tw";

    /// <summary>Drive id of <c>vgr_vga_images.zip</c>, the ~1 GB GQA image subset both VG subsets use.</summary>
    public const string VgImagesDriveId = "1qaPlrwhGNMrR3a11iopZUT_GPP_LrgP9";

    public const string VgImagesZip = "vgr_vga_images.zip";

    /// <summary>
    /// The most an annotation file or split may be (nothing pins their sizes): 1 GiB, far more than any of them
    /// needs; a server sending more is cut off there.
    /// </summary>
    public const long MaxAnnotationBytes = 1L << 30;

    /// <summary>The most <see cref="VgImagesZip"/> may be (about 1 GB): 4 GiB.</summary>
    public const long MaxImageZipBytes = 4L << 30;

    public const string CocoSplitUrl = "https://storage.googleapis.com/sfr-vision-language-research/datasets/coco_karpathy_test.json";

    public const string FlickrSplitUrl = "https://storage.googleapis.com/sfr-vision-language-research/datasets/flickr30k_test.json";

    /// <summary>COCO's image server; <c>{base}val2014/COCO_val2014_….jpg</c> is one image.</summary>
    public const string CocoImagesBase = "http://images.cocodataset.org/";

    /// <summary>Flickr30k images are only given out through this request form.</summary>
    public const string FlickrForm = "https://forms.illinois.edu/sec/229675";

    /// <summary>The folder, inside the Flickr30k-Order data folder, that the split's image paths start with.</summary>
    public const string FlickrImageFolder = "flickr30k-images";
}
