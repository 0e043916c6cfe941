namespace Bookstore.Cdk
{
    internal static class Constants
    {
        internal static readonly string AppName = "BobsBookstore";
    }
}
