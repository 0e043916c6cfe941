using System.Runtime.CompilerServices;
[assembly: InternalsVisibleTo("AwsCdk.Tests")]